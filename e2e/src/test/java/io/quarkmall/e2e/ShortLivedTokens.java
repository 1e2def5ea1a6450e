package io.quarkmall.e2e;

import io.quarkmall.stack.testing.Tokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Genuinely expired access tokens: a test client in the local realm whose tokens live two seconds,
 * with the mall's audience, so the only thing wrong with its tokens is their age.
 */
final class ShortLivedTokens {

    private static final String CLIENT = "e2e-short-lived";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ShortLivedTokens() {
    }

    static String expiredTokenOf(String user) throws Exception {
        ensureClient();
        String token = Tokens.issuedBy(CLIENT, user);
        Thread.sleep(4_000); // past its two seconds and the services' clock skew allowance of none
        return token;
    }

    private static void ensureClient() throws Exception {
        String body = """
                {"clientId":"%s","enabled":true,"publicClient":true,"standardFlowEnabled":false,
                 "directAccessGrantsEnabled":true,"attributes":{"access.token.lifespan":"2"},
                 "protocolMappers":[{"name":"quarkmall-api audience","protocol":"openid-connect",
                   "protocolMapper":"oidc-audience-mapper","config":{"included.custom.audience":"quarkmall-api",
                   "access.token.claim":"true","id.token.claim":"false"}}]}""".formatted(CLIENT);
        var response = HTTP.send(Shoppers.adminRequest(Shoppers.adminToken(), "/clients")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused the test client: " + response.statusCode() + " " + response.body());
        }
    }
}
