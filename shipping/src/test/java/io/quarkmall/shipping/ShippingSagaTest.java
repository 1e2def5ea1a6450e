package io.quarkmall.shipping;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A paid order announced on order.v1 is shipped once; the sandbox carrier delivers the parcel. */
@QuarkusTest
class ShippingSagaTest {

    private static final String ORDERS = "test.shipping.order.v1";

    @Test
    void a_paid_order_is_shipped_once_and_tracked_to_the_doorstep_for_its_shopper_only() throws Exception {
        long orderId = SagaEvents.newOrderId();
        String paid = paid(orderId);
        SagaEvents.send(ORDERS, orderId, paid);
        SagaEvents.send(ORDERS, orderId, paid); // redelivered

        Instant deadline = Instant.now().plusSeconds(30);
        while (!delivered(orderId)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("order " + orderId + " was not delivered within 30 s");
            }
            Thread.sleep(250);
        }
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Shipment.count("orderId", orderId)));
        long shipmentId = QuarkusTransaction.requiringNew().call(() -> Shipment.ofOrder(orderId).orElseThrow().id());

        given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", shipmentId).then()
                .statusCode(200).body("status", contains("PICKED_UP", "IN_TRANSIT", "DELIVERED"));
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/shipments/{id}/tracking", shipmentId).then()
                .statusCode(404).contentType("application/problem+json");
        var ofOrder = given().auth().oauth2(Tokens.of("shopper")).queryParam("orderId", orderId).when().get("/shipments")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(shipmentId), ofOrder.getList("id", Long.class));
        assertEquals(List.of(orderId), ofOrder.getList("orderId", Long.class));
        given().auth().oauth2(Tokens.of("shopper2")).queryParam("orderId", orderId).when().get("/shipments").then()
                .statusCode(200).body("size()", is(0));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("orderId", "0").when().get("/shipments").then()
                .statusCode(400).contentType("application/problem+json");

        assertEquals(4, QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("recordKey", Long.toString(orderId))), "created, picked up, in transit, delivered");
    }

    private static boolean delivered(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> Shipment.ofOrder(orderId)
                .map(s -> s.status() == Shipment.Status.DELIVERED).orElse(false));
    }

    @Test
    void a_paid_order_cancelled_before_pickup_keeps_its_parcel_in_the_warehouse() throws Exception {
        long orderId = SagaEvents.newOrderId();
        SagaEvents.send(ORDERS, orderId, paid(orderId));
        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, """
                {"orderId":%d,"shopperId":"%s","reason":"SHOPPER_CANCELLED",
                 "compensation":{"stock":"RESTOCK","refund":{"amountMinor":100,"currency":"CNY"}}}"""
                .formatted(orderId, Tokens.subjectOf("shopper")));
        Instant deadline = Instant.now().plusSeconds(20);
        while (!QuarkusTransaction.requiringNew().call(() -> Shipment.ofOrder(orderId)
                .map(s -> s.status() == Shipment.Status.CANCELLED).orElse(false))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the parcel of " + orderId + " was not stopped within 20 s");
            }
            Thread.sleep(200);
        }
        assertEquals(List.of("ShipmentCreated", "ShipmentCancelled"), QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id", Long.toString(orderId)).stream()
                        .map(e -> e.envelope().replaceAll(".*\"type\":\"(\\w+)\".*", "$1")).toList()));
    }

    private static String paid(long orderId) {
        return """
                {"eventId":"%s","type":"OrderPaid","occurredAt":"%s","aggregateId":"%d","payload":
                 {"orderId":%d,"shopperId":"%s","total":{"amountMinor":100,"currency":"CNY"},"lines":[]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), orderId, orderId, Tokens.subjectOf("shopper"));
    }
}
