package io.quarkmall.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Genuinely expired access tokens: a test client in the local realm whose tokens live two seconds,
 * with the mall's audience, so the only thing wrong with its tokens is their age.
 */
final class ShortLivedTokens {

    private static final String KEYCLOAK = "http://127.0.0.1:18180";
    private static final String CLIENT = "e2e-short-lived";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ShortLivedTokens() {
    }

    static String expiredTokenOf(String user) throws Exception {
        ensureClient();
        String form = "grant_type=password&client_id=" + CLIENT + "&username=" + user + "&password=" + user;
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/quarkmall/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No short-lived token: " + response.statusCode() + " " + response.body());
        }
        Thread.sleep(4_000); // past its two seconds and the services' clock skew allowance of none
        return token.group(1);
    }

    private static void ensureClient() throws Exception {
        String body = """
                {"clientId":"%s","enabled":true,"publicClient":true,"standardFlowEnabled":false,
                 "directAccessGrantsEnabled":true,"attributes":{"access.token.lifespan":"2"},
                 "protocolMappers":[{"name":"quarkmall-api audience","protocol":"openid-connect",
                   "protocolMapper":"oidc-audience-mapper","config":{"included.custom.audience":"quarkmall-api",
                   "access.token.claim":"true","id.token.claim":"false"}}]}""".formatted(CLIENT);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/quarkmall/clients"))
                .header("Authorization", "Bearer " + Shoppers.adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused the test client: " + response.statusCode() + " " + response.body());
        }
    }
}
