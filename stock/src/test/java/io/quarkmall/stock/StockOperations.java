package io.quarkmall.stock;

import static io.restassured.RestAssured.given;

import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.ReservePolicy;
import io.quarkmall.stock.domain.ReservePolicy.Line;
import io.quarkmall.stock.service.ReservationService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What operators do to stock through the API, and what the checkout saga does to it, for the tests. */
final class StockOperations {

    private StockOperations() {
    }

    /** A POST with a fresh Idempotency-Key. */
    static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post(path).then();
    }

    static ValidatableResponse get(String user, String path, Object... params) {
        return given().auth().oauth2(Tokens.of(user)).when().get(path, params).then();
    }

    static ValidatableResponse put(String user, String path, Object body, Object... params) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body).when().put(path, params)
                .then();
    }

    /** A new warehouse, opened by an admin; its code. */
    static String newWarehouse() {
        String code = "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        post("admin", "/warehouses", Map.of("code", code, "name", "Test " + code, "region", "CN-BJ",
                "latitude", 39.9, "longitude", 116.4)).statusCode(201);
        return code;
    }

    static ValidatableResponse receive(String user, String sku, String warehouse, long quantity) {
        return post(user, "/receipts", Map.of("sku", sku, "warehouse", warehouse, "quantity", quantity,
                "reference", "PO-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    static ValidatableResponse transfer(String user, String sku, String from, String to, long quantity) {
        return post(user, "/transfers", Map.of("sku", sku, "from", from, "to", to, "quantity", quantity));
    }

    /** Requests a transfer and answers its id. */
    static long requested(String sku, String from, String to, long quantity) {
        return transfer("merchant", sku, from, to, quantity).statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The SKU's stock in a warehouse as the API shows it: on hand, reserved, available, inbound. */
    static List<Long> levelIn(String sku, String warehouse) {
        Map<String, Object> level = get("admin", "/levels/{sku}", sku).statusCode(200).extract().jsonPath()
                .getMap("find { it.warehouse == '" + warehouse + "' }");
        if (level == null) {
            return List.of(0L, 0L, 0L, 0L);
        }
        return List.of(number(level, "onHand"), number(level, "reserved"), number(level, "available"),
                number(level, "inbound"));
    }

    /** The checkout saga holds one order's units, as on OrderPlaced. */
    static ReservePolicy.Decision reserve(long orderId, String sku, long quantity) {
        var reservations = CDI.current().select(ReservationService.class).get();
        return QuarkusTransaction.requiringNew().call(() -> reservations.reserve(orderId, List.of(new Line(sku, quantity))));
    }

    private static long number(Map<String, Object> level, String field) {
        return ((Number) level.get(field)).longValue();
    }
}
