package io.quarkmall.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through the whole running mall, a paid order shipped by the SF-Express-like carrier's sandbox: booked over its
 * signed API, followed to the door by its signed pushes (to shipping's own port, as pay's channels notify pay),
 * with a scripted delay on the way; a push forged at the edge changes nothing.
 */
@ExtendWith(Mall.class)
class CarrierJourneyTest {

    private static final String SANDBOX = "http://127.0.0.1:18283";

    @Test
    void a_paid_order_is_booked_with_the_carrier_and_its_signed_scans_reach_the_shopper_in_one_model() throws Exception {
        // a shopper of its own: the demo shopper's payments in a row would reach pay's velocity rule for the tests after
        String shopper = Shoppers.ensure("parcel-" + Shop.marker() + "-%d", 1).getFirst();
        String sku = "E2E-SF-" + Shop.marker();
        Shop.listFindable(sku, "顺丰 茶杯", 2_000, 5);
        long orderId = Shop.orderOf(shopper, sku, 1);
        given().baseUri(SANDBOX).basePath("").contentType("application/json")
                .body(Map.of("journey", "delayed", "stepMillis", 500))
                .when().post("/sandbox/journeys/QM-{orderId}", orderId).then().statusCode(204);
        Shop.awaitStatus(shopper, orderId, "STOCK_RESERVED");
        Shop.payWhenPayable(shopper, orderId, "tok_sandbox_success").then().statusCode(201);
        Shop.awaitStatus(shopper, orderId, "DELIVERED");

        var parcel = given().auth().oauth2(Tokens.of(shopper)).queryParam("orderId", orderId)
                .when().get("/api/shipping/shipments").then().statusCode(200)
                .body("carrier", contains("sf")).body("trackingNumber[0]", matchesPattern("SF[0-9]{12}"))
                .body("status", contains("DELIVERED")).extract().jsonPath();
        long parcelId = parcel.getLong("id[0]");
        given().auth().oauth2(Tokens.of(shopper)).when().get("/api/shipping/shipments/{id}/tracking", parcelId)
                .then().statusCode(200)
                .body("code", contains("PICKED_UP", "ARRIVED_AT_SORTING_CENTRE", "DELAYED", "IN_TRANSIT", "OUT_FOR_DELIVERY",
                        "DELIVERED"))
                .body("place[-1]", equalTo("DOORSTEP"));
        var carrier = given().baseUri(SANDBOX).basePath("").when().get("/sandbox/orders/QM-{orderId}", orderId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(true, true, true, true, true, true), carrier.getList("pushes.acknowledged"),
                "every push accepted by shipping");
        Shop.order(shopper, orderId).body("timeline.status", hasItems("FULFILLING", "SHIPPED", "DELIVERED"));

        String forged = """
                {"pushId":"forged-%d","waybillNo":"%s","orderId":"QM-%d","opCode":"631","remark":"快件遗失",
                 "acceptAddress":"上海市","acceptTime":"%s","eta":null}"""
                .formatted(orderId, parcel.getString("trackingNumber[0]"), orderId, Instant.now());
        given().contentType("application/json").header("X-Partner-Id", "QUARKMALL")
                .header("X-Timestamp", Long.toString(System.currentTimeMillis()))
                .header("X-Nonce", "0123456789abcdef0123456789abcdef").header("X-Signature", "bm90IHRoZSBjYXJyaWVy")
                .body(forged).when().post("/api/shipping/carriers/sf/pushes").then().statusCode(401)
                .contentType("application/problem+json").body("type", endsWith("/invalid-push-signature"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of(shopper)).when().get("/api/shipping/shipments/{id}/tracking", parcelId)
                        .then().body("size()", equalTo(6)).body("code[-1]", equalTo("DELIVERED"))); // the forgery recorded nothing
    }
}
