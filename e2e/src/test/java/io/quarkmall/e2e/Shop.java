package io.quarkmall.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkmall.stack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;

/** What merchants and shoppers do, through the edge's public API, with real Keycloak tokens. */
final class Shop {

    static final Duration SAGA = Duration.ofSeconds(60);

    private Shop() {
    }

    static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A merchant creates and lists a product with one SKU, and counts its stock. Returns the product id. */
    static long listProduct(String sku, String name, long priceMinor, long onHand) {
        return listProduct(sku, name, priceMinor, "", onHand);
    }

    /** As {@link #listProduct(String, String, long, long)}, for the points mall: redeemable for {@code pointsPrice} points. */
    static long listRedeemable(String sku, String name, long priceMinor, long pointsPrice, long onHand) {
        return listProduct(sku, name, priceMinor, ", \"pointsPrice\": " + pointsPrice, onHand);
    }

    private static long listProduct(String sku, String name, long priceMinor, String skuExtras, long onHand) {
        long id = post("merchant", "/api/catalog/merchant/products", """
                {"names": {"zh-CN": "%s", "en": "%s"},
                 "skus": [{"sku": "%s", "price": {"amountMinor": %d, "currency": "CNY"}%s}]}"""
                .formatted(name, name, sku, priceMinor, skuExtras)).then().statusCode(201).extract().jsonPath().getLong("id");
        post("merchant", "/api/catalog/merchant/products/" + id + "/listing", null).then().statusCode(200);
        // stock knows the SKU, as this merchant's, once it has read catalog's ProductDrafted: a moment later
        await().atMost(SAGA).untilAsserted(() -> given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON)
                .body("{\"onHand\":" + onHand + "}").when().put("/api/stock/stock/{sku}", sku).then().statusCode(200));
        return id;
    }

    /** A listed, stocked product the shopper can already find and put in the cart; its name carries the SKU. */
    static void listFindable(String sku, String name, long priceMinor, long onHand) {
        long productId = listProduct(sku, name + " " + sku, priceMinor, onHand);
        awaitFindable(sku, productId, sku);
    }

    /** Empties the shopper's cart, puts {@code quantity} of the SKU in and checks out. Returns the order id. */
    static long orderOf(String user, String sku, int quantity) {
        emptyCart(user);
        putInCart(user, sku, quantity).statusCode(200);
        return checkout(user, UUID.randomUUID().toString()).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The shopper searches until the search index and cart-order's catalog copy both know the product. */
    static void awaitFindable(String query, long productId, String sku) {
        await().atMost(SAGA).untilAsserted(() -> given().queryParam("q", query).when().get("/api/catalog/products/search")
                .then().statusCode(200).body("productId", hasItem((int) productId)));
        await().atMost(SAGA).untilAsserted(() -> putInCart("shopper", sku, 1).statusCode(200));
    }

    static ValidatableResponse putInCart(String user, String sku, int quantity) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body("{\"quantity\":" + quantity + "}")
                .when().put("/api/cart-order/cart/lines/{sku}", sku).then();
    }

    static void emptyCart(String user) {
        java.util.List<String> skus = given().auth().oauth2(Tokens.of(user)).when().get("/api/cart-order/cart")
                .then().statusCode(200).extract().path("lines.sku");
        skus.forEach(sku -> given().auth().oauth2(Tokens.of(user)).when().delete("/api/cart-order/cart/lines/{sku}", sku)
                .then().statusCode(200));
    }

    static Response checkout(String user, String key) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", key).when().post("/api/cart-order/checkout");
    }

    static Response pay(String user, long orderId, String token) {
        return post(user, "/api/pay/payments", "{\"orderId\":%d,\"channel\":\"sandbox\",\"token\":\"%s\"}"
                .formatted(orderId, token));
    }

    /** Pays as soon as pay has heard the order awaits payment (a moment after STOCK_RESERVED). */
    static Response payWhenPayable(String user, long orderId, String token) {
        Response[] answer = new Response[1];
        await().atMost(SAGA).until(() -> (answer[0] = pay(user, orderId, token)).statusCode() != 404);
        return answer[0];
    }

    /** The shopper cancels an order they no longer want. */
    static void cancel(String user, long orderId) {
        post(user, "/api/cart-order/orders/" + orderId + "/cancellation", null).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    static ValidatableResponse order(String user, long orderId) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/cart-order/orders/{id}", orderId).then();
    }

    static void awaitStatus(String user, long orderId, String status) {
        await().atMost(SAGA).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> order(user, orderId).statusCode(200).body("status", equalTo(status)));
    }

    static String status(String user, long orderId) {
        return order(user, orderId).statusCode(200).extract().path("status");
    }

    static long available(String sku) {
        return stock(sku).extract().jsonPath().getLong("available");
    }

    static ValidatableResponse stock(String sku) {
        return given().auth().oauth2(Tokens.of("merchant")).when().get("/api/stock/stock/{sku}", sku).then().statusCode(200);
    }

    static long points(String user) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/loyalty/accounts/me")
                .then().statusCode(200).extract().jsonPath().getLong("balance");
    }

    static Response post(String user, String path, String json) {
        var request = given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString());
        if (json != null) {
            request = request.contentType(ContentType.JSON).body(json);
        }
        return request.when().post(path);
    }
}
