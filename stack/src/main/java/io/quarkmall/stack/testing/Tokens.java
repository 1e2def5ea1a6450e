package io.quarkmall.stack.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Real access tokens from the local stack's Keycloak, for the demo users of the quarkmall realm
 * (password = user name), through the password grant of the test-only {@code quarkmall-cli} client.
 */
public final class Tokens {

    private static final String TOKEN_URL = "http://127.0.0.1:18180/realms/quarkmall/protocol/openid-connect/token";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();
    /** Tokens live 15 minutes; one older than this is fetched again, so long runs never send an expired one. */
    private static final Duration FRESH_FOR = Duration.ofMinutes(10);
    /** Keycloak's built-in admin-cli client adds no quarkmall-api audience to its tokens. */
    private static final String FOREIGN_CLIENT = "admin-cli";

    private Tokens() {
    }

    private record Issued(String token, Instant at) {
        boolean fresh() {
            return at.plus(FRESH_FOR).isAfter(Instant.now());
        }
    }

    /** An access token for a demo user, fetched again once it is 10 minutes old. */
    public static String of(String user) {
        return cached(user, "quarkmall-cli", user);
    }

    /** A genuine token of this realm for a demo user, but issued to another client: not for the mall's API. */
    public static String withoutMallAudience(String user) {
        return cached(FOREIGN_CLIENT + "/" + user, FOREIGN_CLIENT, user);
    }

    /** A new token for a demo user from any public client of the realm with the password grant; never cached. */
    public static String issuedBy(String client, String user) {
        return fetch(client, user);
    }

    private static String cached(String key, String client, String user) {
        return CACHE.compute(key, (k, issued) -> issued != null && issued.fresh() ? issued
                : new Issued(fetch(client, user), Instant.now())).token();
    }

    /** The user's subject ({@code sub}), as the services see it in the token. */
    public static String subjectOf(String user) {
        String payload = of(user).split("\\.")[1];
        String claims = new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        var m = SUBJECT.matcher(claims);
        if (!m.find()) {
            throw new IllegalStateException("The token of " + user + " has no subject");
        }
        return m.group(1);
    }

    private static String fetch(String client, String user) {
        String form = "grant_type=password&client_id=" + client + "&username=" + encode(user) + "&password=" + encode(user);
        var request = HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            var m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + TOKEN_URL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
