package io.quarkmall.shipping;

import static io.quarkmall.shipping.CarrierSandbox.await;
import static io.quarkmall.shipping.CarrierSandbox.cancelled;
import static io.quarkmall.shipping.CarrierSandbox.eventTypes;
import static io.quarkmall.shipping.CarrierSandbox.paidChoosing;
import static io.quarkmall.shipping.CarrierSandbox.scans;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.shipping.domain.DeliveryService;
import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Paid orders shipped by the SF-Express-like carrier through the local stack's sandbox (:18283): booked over its
 * signed API (tried again while it is busy), tracked by its signed pushes to the door, or to a loss, a return;
 * forged, stale and replayed pushes refused; a cancelled order called off at the carrier.
 */
@QuarkusTest
@TestProfile(CarrierSfExpressTest.SfCarrier.class)
class CarrierSfExpressTest {

    /**
     * The SF-like carrier ships paid orders, and pushes to this test's fixed port; the management port is fixed
     * too, since Micrometer needs both servers tagged alike (a port tag only for fixed ports).
     */
    public static class SfCarrier implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkmall.shipping.carrier", "sf",
                    "quarkus.http.test-port", "18586", "quarkus.management.test-port", "19586",
                    "quarkmall.shipping.sf.callback-url", "http://127.0.0.1:18586/api/shipping/carriers/sf/pushes");
        }
    }

    private static final String ORDERS = "test.shipping.order.v1";
    private static final CarrierSandbox SF = new CarrierSandbox("http://127.0.0.1:18283");
    private static final String KEY = "local-only-sf-sandbox-partner-key"; // %test.quarkmall.shipping.sf.key

    @Test
    void a_paid_order_is_booked_and_followed_to_the_door_by_the_carriers_signed_pushes() throws Exception {
        long orderId = SagaEvents.newOrderId();
        SF.script(orderId, "normal", 150);
        SagaEvents.send(ORDERS, orderId, paid(orderId));

        Shipment shipment = await(orderId, s -> s.status() == Shipment.Status.DELIVERED, "delivered");
        assertTrue(shipment.trackingNumber().matches("SF[0-9]{12}"), "the carrier's waybill: " + shipment.trackingNumber());
        given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", shipment.id()).then()
                .statusCode(200)
                .body("code", contains("PICKED_UP", "ARRIVED_AT_SORTING_CENTRE", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"))
                .body("place", contains("CN-SZ", "CN-SH-SORT", "CN-SH-SORT", "CN-HZ", "DOORSTEP"))
                .body("status", contains("PICKED_UP", "IN_TRANSIT", "IN_TRANSIT", "IN_TRANSIT", "DELIVERED"));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("orderId", orderId).when().get("/shipments").then()
                .statusCode(200).body("carrier", contains("sf")).body("eta", contains((Object) null));
        assertEquals(List.of("ShipmentCreated", "ShipmentPickedUp", "ShipmentInTransit", "ShipmentInTransit",
                "ShipmentInTransit", "ShipmentDelivered"), eventTypes(orderId));
        JsonPath carrier = SF.order(orderId);
        assertEquals(1, carrier.getInt("apiCalls"), "one booking call");
        assertEquals(2, carrier.getInt("expressTypeId"), "an order paid without a delivery option goes standard express");
        assertNull(carrier.get("weightGrams"), "nor is it weighed");
        assertEquals(List.of(true, true, true, true, true), carrier.getList("pushes.acknowledged"));
    }

    @Test
    void an_order_that_chose_express_delivery_is_booked_as_the_carriers_priority_product() throws Exception {
        long express = SagaEvents.newOrderId();
        SF.script(express, "normal", 60_000);
        SagaEvents.send(ORDERS, express, paidChoosing(express, "EXPRESS"));
        long standard = SagaEvents.newOrderId();
        SF.script(standard, "normal", 60_000);
        SagaEvents.send(ORDERS, standard, paidChoosing(standard, "STANDARD"));

        assertEquals(DeliveryService.EXPRESS, await(express, s -> s.trackingNumber() != null, "booked").service());
        assertEquals(1, SF.order(express).getInt("expressTypeId"), "顺丰特快");
        assertEquals(2_400, SF.order(express).getInt("weightGrams"), "the weight the order was priced by");
        assertEquals(DeliveryService.STANDARD, await(standard, s -> s.trackingNumber() != null, "booked").service());
        assertEquals(2, SF.order(standard).getInt("expressTypeId"), "顺丰标快");
        given().auth().oauth2(Tokens.of("shopper")).queryParam("orderId", express).when().get("/shipments").then()
                .statusCode(200).body("service", contains("EXPRESS"));
    }

    @Test
    void a_carrier_that_is_busy_or_down_is_called_again_until_it_books() throws Exception {
        SF.faults(2, 429);
        long rateLimited = SagaEvents.newOrderId();
        SF.script(rateLimited, "normal", 60_000);
        SagaEvents.send(ORDERS, rateLimited, paid(rateLimited));
        Shipment waited = await(rateLimited, s -> s.trackingNumber() != null, "booked after two 429s");
        assertEquals(3, SF.order(rateLimited).getInt("apiCalls"), "two refused, then booked");
        assertEquals(2, waited.booking().failedCalls(), "each refusal recorded on the parcel");

        SF.faults(2, 503);
        long down = SagaEvents.newOrderId();
        SF.script(down, "normal", 60_000);
        SagaEvents.send(ORDERS, down, paid(down));
        Shipment failing = await(down, s -> s.booking().failedCalls() >= 1, "recorded as failing");
        assertTrue(failing.booking().error().contains("503"), "why, for operators: " + failing.booking().error());
        Shipment booked = await(down, s -> s.trackingNumber() != null, "booked after two 503s");
        assertEquals(3, SF.order(down).getInt("apiCalls"), "two failed, then booked");
        assertEquals(2, booked.booking().failedCalls());
        assertNull(booked.booking().error(), "nothing failing once booked");
        assertEquals(List.of("ShipmentCreated"), eventTypes(down), "announced once, with its waybill");
    }

    @Test
    void forged_stale_replayed_and_unreadable_pushes_are_refused_and_change_nothing() throws Exception {
        long orderId = SagaEvents.newOrderId();
        SF.script(orderId, "normal", 60_000); // the sandbox stays quiet: this test pushes
        SagaEvents.send(ORDERS, orderId, paid(orderId));
        Shipment shipment = await(orderId, s -> s.trackingNumber() != null, "booked");
        String pickedUp = route(UUID.randomUUID().toString(), shipment.trackingNumber(), orderId, "50");
        long now = System.currentTimeMillis();

        push(pickedUp, "not-the-partner-key", now, nonce()).then().statusCode(401)
                .contentType("application/problem+json").body("type", endsWith("/invalid-push-signature"));
        push(pickedUp, KEY, now - Duration.ofMinutes(6).toMillis(), nonce()).then().statusCode(401);
        push(route(UUID.randomUUID().toString(), "SF000000000000", orderId, "50"), KEY, now, nonce()).then().statusCode(404);
        push(route(UUID.randomUUID().toString(), shipment.trackingNumber(), orderId, "12345"), KEY, now, nonce()).then()
                .statusCode(400).contentType("application/problem+json");
        assertEquals(0, scans(shipment.id()), "nothing recorded for a refused push");

        String nonce = nonce();
        push(pickedUp, KEY, now, nonce).then().statusCode(200).body("code", is("0"));
        push(pickedUp, KEY, now, nonce).then().statusCode(401).contentType("application/problem+json");
        push(pickedUp, KEY, System.currentTimeMillis(), nonce()).then().statusCode(200); // the carrier's own retry
        assertEquals(1, scans(shipment.id()), "one scan however often it came");
        assertEquals(Shipment.Status.PICKED_UP, await(orderId, s -> true, "read").status());
        assertEquals(List.of("ShipmentCreated", "ShipmentPickedUp"), eventTypes(orderId));
    }

    @Test
    void a_lost_parcel_and_a_returned_one_stop_there_for_operators_to_see_and_a_delayed_one_still_arrives() throws Exception {
        long lost = SagaEvents.newOrderId();
        long returned = SagaEvents.newOrderId();
        long delayed = SagaEvents.newOrderId();
        SF.script(lost, "lost", 100);
        SF.script(returned, "returned", 100);
        SF.script(delayed, "delayed", 100);
        for (long orderId : List.of(lost, returned, delayed)) {
            SagaEvents.send(ORDERS, orderId, paid(orderId));
        }
        Shipment gone = await(lost, s -> s.status() == Shipment.Status.LOST, "lost");
        assertNull(gone.eta(), "no ETA for a lost parcel");
        assertEquals(List.of("ShipmentCreated", "ShipmentPickedUp", "ShipmentInTransit", "ShipmentDisrupted"),
                eventTypes(lost));
        Shipment back = await(returned, s -> s.status() == Shipment.Status.RETURNED_TO_SENDER, "returned");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", back.id()).then()
                .statusCode(200).body("code", hasItem("EXCEPTION")).body("code[-1]", is("RETURNED_TO_SENDER"));
        Shipment late = await(delayed, s -> s.status() == Shipment.Status.DELIVERED, "delivered late");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", late.id()).then()
                .statusCode(200).body("code", hasItem("DELAYED")).body("code[-1]", is("DELIVERED"));

        String parcel = "find { it.orderId == %d }";
        given().auth().oauth2(Tokens.of("admin")).queryParam("attention", true).when().get("/admin/shipments").then()
                .statusCode(200)
                .body(parcel.formatted(lost) + ".status", is("LOST")).body(parcel.formatted(lost) + ".lastCode", is("LOST"))
                .body(parcel.formatted(returned) + ".status", is("RETURNED_TO_SENDER"))
                .body(parcel.formatted(delayed), nullValue()); // its last scan is its delivery
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "DELIVERED").when().get("/admin/shipments").then()
                .statusCode(200).body(parcel.formatted(delayed) + ".trackingNumber", is(late.trackingNumber()));
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "NOPE").when().get("/admin/shipments").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/admin/shipments").then().statusCode(403);
    }

    @Test
    void an_order_cancelled_before_pickup_is_called_off_at_the_carrier() throws Exception {
        long orderId = SagaEvents.newOrderId();
        SF.script(orderId, "normal", 60_000);
        SagaEvents.send(ORDERS, orderId, paid(orderId));
        await(orderId, s -> s.trackingNumber() != null, "booked");
        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, cancelled(orderId));
        await(orderId, s -> s.status() == Shipment.Status.CANCELLED, "cancelled");
        Instant deadline = Instant.now().plusSeconds(20);
        while (!SF.order(orderId).getBoolean("cancelled")) {
            assertTrue(Instant.now().isBefore(deadline), "the carrier was not told within 20 s");
            Thread.sleep(200);
        }
        assertEquals(List.of("ShipmentCreated", "ShipmentCancelled"), eventTypes(orderId));
    }







    private static String route(String pushId, String waybill, long orderId, String opCode) {
        return """
                {"pushId":"%s","waybillNo":"%s","orderId":"%s","opCode":"%s","remark":"顺丰速运 已收取快件",
                 "acceptAddress":"深圳市","acceptTime":"%s","eta":null}"""
                .formatted(pushId, waybill, "QM-" + orderId, opCode, Instant.now());
    }

    private static io.restassured.response.Response push(String body, String key, long timestamp, String nonce) {
        String at = Long.toString(timestamp);
        return given().contentType("application/json").header("X-Partner-Id", "QUARKMALL").header("X-Timestamp", at)
                .header("X-Nonce", nonce).header("X-Signature", signature(key, at + "\n" + nonce + "\n" + body)).body(body)
                .when().post("/carriers/sf/pushes");
    }

    /** Base64 of HMAC-SHA256, as the carrier signs its pushes. */
    private static String signature(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String paid(long orderId) {
        return """
                {"eventId":"%s","type":"OrderPaid","occurredAt":"%s","aggregateId":"%d","payload":
                 {"orderId":%d,"shopperId":"%s","total":{"amountMinor":100,"currency":"CNY"},"lines":[]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), orderId, orderId, Tokens.subjectOf("shopper"));
    }

}
