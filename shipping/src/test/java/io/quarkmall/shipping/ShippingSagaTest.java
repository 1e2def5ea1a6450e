package io.quarkmall.shipping;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A paid order announced on order.v1 is shipped once; the sandbox carrier delivers the parcel. */
@QuarkusTest
class ShippingSagaTest {

    private static final String ORDERS = "test.shipping.order.v1";
    private static final Duration STEP = Duration.ofMillis(300); // %test.quarkmall.shipping.sandbox-step

    @Test
    void a_paid_order_is_shipped_once_and_tracked_to_the_doorstep_for_its_shopper_only() throws Exception {
        long orderId = SagaEvents.newOrderId();
        String paid = paid(orderId);
        SagaEvents.send(ORDERS, orderId, paid);
        SagaEvents.send(ORDERS, orderId, paid); // redelivered

        Instant deadline = Instant.now().plusSeconds(30);
        var seen = new ArrayList<Object[]>(); // status and ETA, as the parcel moves
        while (!delivered(orderId)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("order " + orderId + " was not delivered within 30 s");
            }
            QuarkusTransaction.requiringNew().run(() -> Shipment.ofOrder(orderId)
                    .ifPresent(s -> seen.add(new Object[] {s.status(), s.eta(), s.createdAt()})));
            Thread.sleep(100);
        }
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Shipment.count("orderId", orderId)));
        long shipmentId = QuarkusTransaction.requiringNew().call(() -> Shipment.ofOrder(orderId).orElseThrow().id());

        given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", shipmentId).then()
                .statusCode(200).body("status", contains("PICKED_UP", "IN_TRANSIT", "DELIVERED"))
                .body("code", contains("PICKED_UP", "IN_TRANSIT", "DELIVERED"))
                .body("place", contains("CN-SH-SORT", "CN-HZ-HUB", "DOORSTEP"))
                .body("location", contains("Shanghai sorting centre", "Hangzhou hub", "Doorstep"));
        var scans = given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", shipmentId)
                .then().extract().jsonPath();
        var scannedAt = new HashMap<String, Instant>();
        for (int i = 0; i < 3; i++) {
            scannedAt.put(scans.getString("code[" + i + "]"), Instant.parse(scans.getString("occurredAt[" + i + "]")));
        }
        var stepsLeft = new ArrayList<Long>();
        for (Object[] moving : seen) {
            var status = (Shipment.Status) moving[0];
            if (status == Shipment.Status.DELIVERED) {
                assertNull(moving[1], "no ETA once delivered");
                continue;
            }
            Instant from = status == Shipment.Status.CREATED ? (Instant) moving[2] : scannedAt.get(status.name());
            long steps = Duration.between(from, (Instant) moving[1]).dividedBy(STEP);
            assertEquals(from.plus(STEP.multipliedBy(steps)), moving[1], "the ETA is whole steps after the last scan");
            assertEquals(Shipment.Status.DELIVERED.ordinal() - status.ordinal(), steps, "one step for each left, at " + status);
            if (stepsLeft.isEmpty() || stepsLeft.getLast() != steps) {
                stepsLeft.add(steps);
            }
        }
        assertFalse(stepsLeft.isEmpty(), "the parcel was seen on its way");
        assertEquals(stepsLeft.stream().sorted(Comparator.reverseOrder()).toList(), stepsLeft, "fewer steps left at each scan");
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/shipments/{id}/tracking", shipmentId).then()
                .statusCode(404).contentType("application/problem+json");
        var ofOrder = given().auth().oauth2(Tokens.of("shopper")).queryParam("orderId", orderId).when().get("/shipments")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(shipmentId), ofOrder.getList("id", Long.class));
        assertEquals(List.of(orderId), ofOrder.getList("orderId", Long.class));
        assertNull(ofOrder.get("eta[0]"), "no ETA once delivered");
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
        long shipmentId = QuarkusTransaction.requiringNew().call(() -> Shipment.ofOrder(orderId).orElseThrow().id());
        given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", shipmentId).then()
                .statusCode(200).body("code", contains("CANCELLED")).body("place", contains("WAREHOUSE"));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("orderId", orderId).when().get("/shipments").then()
                .statusCode(200).body("eta", contains((Object) null));
        assertEquals(List.of("ShipmentCreated", "ShipmentCancelled"), QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id", Long.toString(orderId)).stream()
                        .map(e -> e.envelope().replaceAll(".*\"type\":\"(\\w+)\".*", "$1")).toList()));
    }

    @Test
    void the_simulated_carrier_moves_an_express_parcel_twice_as_fast() throws Exception {
        long express = SagaEvents.newOrderId();
        long standard = SagaEvents.newOrderId();
        SagaEvents.send(ORDERS, express, CarrierSandbox.paidChoosing(express, "EXPRESS"));
        SagaEvents.send(ORDERS, standard, CarrierSandbox.paidChoosing(standard, "STANDARD"));
        assertEquals(Duration.ofMillis(150), stepOf(CarrierSandbox.await(express, s -> s.eta() != null, "on its way")));
        assertEquals(Duration.ofMillis(300), stepOf(CarrierSandbox.await(standard, s -> s.eta() != null, "on its way")),
                "sandbox-step");
    }

    /** The simulated carrier's step for a parcel on its way: its ETA is one step per step left after its last move. */
    private static Duration stepOf(Shipment shipment) {
        Instant lastMove = shipment.lastScanAt() == null ? shipment.createdAt() : shipment.lastScanAt();
        int stepsLeft = Shipment.Status.DELIVERED.ordinal() - shipment.status().ordinal();
        return Duration.between(lastMove, shipment.eta()).dividedBy(stepsLeft);
    }

    static String paid(long orderId) {
        return """
                {"eventId":"%s","type":"OrderPaid","occurredAt":"%s","aggregateId":"%d","payload":
                 {"orderId":%d,"shopperId":"%s","total":{"amountMinor":100,"currency":"CNY"},"lines":[]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), orderId, orderId, Tokens.subjectOf("shopper"));
    }
}
