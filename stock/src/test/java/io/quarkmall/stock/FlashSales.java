package io.quarkmall.stock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the flash-sale tests do through the API: schedule a sale, wait for it, get tokens, try to buy. */
final class FlashSales {

    private static final String KEYCLOAK = "http://127.0.0.1:18180";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FlashSales() {
    }

    static String body(String sku, int quantity, int limit, Instant start, Instant end) {
        return """
                {"sku":"%s","quantity":%d,"price":{"amountMinor":990,"currency":"CNY"},"startsAt":"%s","endsAt":"%s",
                 "perShopperLimit":%d}""".formatted(sku, quantity, start, end, limit);
    }

    static ValidatableResponse schedule(String user, String body) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/flash-sales").then();
    }

    /** A sale of a new SKU of the demo merchant with {@code onHand} units, starting soon, loaded into Redis. */
    static long scheduled(String sku, int quantity, int limit, Duration startsIn, Duration lasts) {
        Instant start = Instant.now().plus(startsIn);
        long id = ((Number) schedule("merchant", body(sku, quantity, limit, start, start.plus(lasts))).statusCode(201)
                .extract().path("id")).longValue();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> FlashSale.<FlashSale>findById(id).loadedAt() != null));
        return id;
    }

    static void awaitStart(long saleId) {
        Instant start = QuarkusTransaction.requiringNew().call(() -> FlashSale.<FlashSale>findById(saleId).startsAt());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> !Instant.now().isBefore(start));
    }

    static String saleToken(String accessToken, long saleId, String address) {
        return given().auth().oauth2(accessToken).header("X-Forwarded-For", address)
                .when().get("/flash-sales/{id}/token", saleId).then().statusCode(200).extract().path("token");
    }

    static ValidatableResponse buy(String accessToken, long saleId, String saleToken, String key, String address) {
        var request = given().auth().oauth2(accessToken).header("X-Forwarded-For", address);
        if (saleToken != null) {
            request = request.header("Sale-Token", saleToken);
        }
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/flash-sales/{id}/purchases", saleId).then();
    }

    /** The service's URI for {@code path}, as rest-assured addresses it. */
    private static URI api(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/" + RestAssured.basePath.replaceAll("^/+|/+$", "")
                + path);
    }

    /** A buy attempt through a plain HTTP client, safe to make from many threads at once: status and body. */
    static HttpResponse<String> attempt(String accessToken, long saleId, String saleToken, String key, String address)
            throws Exception {
        URI uri = api("/flash-sales/" + saleId + "/purchases");
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + accessToken)
                .header("Sale-Token", saleToken).header("Idempotency-Key", key).header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A sale token through a plain HTTP client, safe to ask for from many threads at once. */
    static String saleTokenConcurrently(String accessToken, long saleId, String address) throws Exception {
        URI uri = api("/flash-sales/" + saleId + "/token");
        var response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + accessToken)
                .header("X-Forwarded-For", address).GET().timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No sale token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /**
     * Shopper accounts {@code flash0001} … in the local Keycloak (password = name, shopper role by
     * default), created through its admin API when missing, as e2e's and bench's shoppers are.
     */
    static List<String> shoppers(int count) throws Exception {
        return shoppers("flash%04d", count);
    }

    static List<String> shoppers(String nameFormat, int count) throws Exception {
        String admin = adminToken();
        var names = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            String name = nameFormat.formatted(i);
            String body = """
                    {"username":"%s","enabled":true,"email":"%s@example.test","emailVerified":true,"firstName":"Flash",
                     "lastName":"Buyer","credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                    .formatted(name, name, name);
            var created = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/quarkmall/users"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() == 401) {
                admin = adminToken();
                i--;
                continue;
            }
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("Keycloak refused to create " + name + ": " + created.statusCode());
            }
            names.add(name);
        }
        return names;
    }

    private static String adminToken() throws Exception {
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
