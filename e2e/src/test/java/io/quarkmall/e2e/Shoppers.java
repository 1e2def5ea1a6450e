package io.quarkmall.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extra shopper accounts in the local Keycloak's quarkmall realm, created through its admin API:
 * each checkout of the concurrency test is a different shopper with a cart of their own.
 * Password = user name, like the demo users; every account gets the shopper role by default.
 */
final class Shoppers {

    private static final String KEYCLOAK = "http://127.0.0.1:18180";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Shoppers() {
    }

    /** {@code buyer001} … {@code buyerNNN}; those that exist already are kept. */
    static List<String> ensure(int count) throws Exception {
        return ensure("buyer%03d", count);
    }

    /**
     * {@code count} shoppers named by {@code nameFormat} (e.g. {@code chaos%04d}) from 1 up; those that
     * exist already are kept. The admin token lives a minute: it is fetched again when refused.
     */
    static List<String> ensure(String nameFormat, int count) throws Exception {
        String admin = adminToken();
        var names = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            String name = nameFormat.formatted(i);
            var response = create(admin, name, "Buyer", "%03d".formatted(i));
            if (response.statusCode() == 401) {
                admin = adminToken();
                response = create(admin, name, "Buyer", "%03d".formatted(i));
            }
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IllegalStateException("Keycloak refused to create " + name + ": " + response.statusCode()
                        + " " + response.body());
            }
            names.add(name);
        }
        return names;
    }

    /** A verified account whose password is its name; 409 if it exists already. */
    private static HttpResponse<String> create(String admin, String name, String firstName, String lastName)
            throws Exception {
        String body = """
                {"username":"%s","enabled":true,"email":"%s@example.test","emailVerified":true,
                 "firstName":"%s","lastName":"%s",
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                .formatted(name, name, firstName, lastName, name);
        return HTTP.send(adminRequest(admin, "/users").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A user of the quarkmall realm with these realm roles besides the default (shopper), password
     * = user name; kept if it exists. For tests whose writes must not touch the demo users' data.
     */
    static String ensureWithRoles(String name, String... roles) throws Exception {
        String admin = adminToken();
        var created = create(admin, name, "Test", "User");
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused to create " + name + ": " + created.statusCode());
        }
        String users = HTTP.send(adminRequest(admin, "/users?exact=true&username=" + name).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(users);
        if (!id.find()) {
            throw new IllegalStateException("No user " + name + " after creating it");
        }
        for (String role : roles) {
            String representation = HTTP.send(adminRequest(admin, "/roles/" + role).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HTTP.send(adminRequest(admin, "/users/" + id.group(1) + "/role-mappings/realm")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + representation + "]")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return name;
    }

    static HttpRequest.Builder adminRequest(String token, String path) {
        return HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/quarkmall" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    static String adminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No Keycloak admin token: " + response.statusCode());
        }
        return token.group(1);
    }
}
