package io.quarkmall.shipping;

import static io.quarkmall.shipping.CarrierSandbox.await;
import static io.quarkmall.shipping.CarrierSandbox.cancelled;
import static io.quarkmall.shipping.CarrierSandbox.eventTypes;
import static io.quarkmall.shipping.CarrierSandbox.paidChoosing;
import static io.quarkmall.shipping.CarrierSandbox.scans;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Signatures;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paid orders shipped through the Kuaidi100-like aggregator's sandbox (:18284): booked with SF or YTO by the delivery
 * service, the tracking number subscribed, and followed by the aggregator's pushes of the whole history (signed with
 * our salt) to the door; forged, stale, replayed and unreadable pushes refused; a scan whose push was lost applied
 * from the next push's history; a busy aggregator called again; a cancelled order called off.
 */
@QuarkusTest
@TestProfile(CarrierKuaidi100Test.Kd100Carrier.class)
class CarrierKuaidi100Test {

    /** The aggregator ships paid orders and pushes to this test's fixed port (and a fixed management port, as Micrometer needs). */
    public static class Kd100Carrier implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkmall.shipping.carrier", "kd100",
                    "quarkus.http.test-port", "18587", "quarkus.management.test-port", "19587",
                    "quarkmall.shipping.kd100.callback-url", "http://127.0.0.1:18587/api/shipping/carriers/kd100/pushes");
        }
    }

    private static final String ORDERS = "test.shipping.order.v1";
    private static final CarrierSandbox KD100 = new CarrierSandbox("http://127.0.0.1:18284");
    private static final String SALT = "local-only-kd100-push-salt"; // %test.quarkmall.shipping.kd100.salt
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Test
    void a_paid_order_is_booked_by_service_subscribed_and_followed_to_the_door_by_the_aggregators_pushes() throws Exception {
        long standard = SagaEvents.newOrderId();
        KD100.script(standard, "normal", 150);
        SagaEvents.send(ORDERS, standard, paidChoosing(standard, "STANDARD"));
        long express = SagaEvents.newOrderId();
        KD100.script(express, "normal", 60_000);
        SagaEvents.send(ORDERS, express, paidChoosing(express, "EXPRESS"));

        Shipment delivered = await(standard, s -> s.status() == Shipment.Status.DELIVERED, "delivered");
        assertTrue(delivered.trackingNumber().matches("YT[0-9]{13}"), "YTO's number: " + delivered.trackingNumber());
        given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", delivered.id()).then()
                .statusCode(200)
                .body("code", contains("PICKED_UP", "ARRIVED_AT_SORTING_CENTRE", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"))
                .body("place", contains("CN-SZ", "CN-SH-SORT", "CN-SH-SORT", "CN-HZ", "DOORSTEP"))
                .body("location[0]", is("快递员已揽件"));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("orderId", standard).when().get("/shipments").then()
                .statusCode(200).body("carrier", contains("kd100"));
        assertEquals(List.of("ShipmentCreated", "ShipmentPickedUp", "ShipmentInTransit", "ShipmentInTransit",
                "ShipmentInTransit", "ShipmentDelivered"), eventTypes(standard));
        JsonPath aggregator = KD100.order(standard);
        assertEquals("yuantong", aggregator.getString("kuaidicom"));
        assertTrue(aggregator.getBoolean("subscribed"));
        assertEquals(2, aggregator.getInt("apiCalls"), "one booking, one subscription");
        assertEquals(2_400, aggregator.getInt("weightGrams"));
        assertEquals(List.of(1, 2, 3, 4, 5), aggregator.getList("pushes.scans"), "each push carries the history so far");
        assertEquals(List.of(true, true, true, true, true), aggregator.getList("pushes.acknowledged"));

        Shipment booked = await(express, s -> s.trackingNumber() != null, "booked");
        assertTrue(booked.trackingNumber().matches("SF[0-9]{12}"), "express goes by SF: " + booked.trackingNumber());
        assertEquals("shunfeng", KD100.order(express).getString("kuaidicom"));
    }

    @Test
    void an_aggregator_that_is_busy_is_called_again_until_it_books() throws Exception {
        KD100.faults(2, 429);
        long orderId = SagaEvents.newOrderId();
        KD100.script(orderId, "normal", 60_000);
        SagaEvents.send(ORDERS, orderId, paidChoosing(orderId, "STANDARD"));
        Shipment booked = await(orderId, s -> s.trackingNumber() != null, "booked after two 429s");
        assertEquals(2, booked.booking().failedCalls(), "each refusal recorded on the parcel");
        assertEquals(4, KD100.order(orderId).getInt("apiCalls"), "two refused, then a booking and a subscription");
        assertTrue(KD100.order(orderId).getBoolean("subscribed"));
        assertEquals(List.of("ShipmentCreated"), eventTypes(orderId), "announced once, with its number");
    }

    @Test
    void forged_stale_replayed_and_unreadable_pushes_are_refused_and_a_lost_push_is_made_good_by_the_next() throws Exception {
        long orderId = SagaEvents.newOrderId();
        KD100.script(orderId, "normal", 60_000); // the sandbox stays quiet: this test pushes
        SagaEvents.send(ORDERS, orderId, paidChoosing(orderId, "STANDARD"));
        Shipment shipment = await(orderId, s -> s.trackingNumber() != null, "booked");
        String number = shipment.trackingNumber();
        Instant pickedUpAt = Instant.now().minusSeconds(60);
        String pickedUp = history(number, System.currentTimeMillis(), scan("103", "深圳市", pickedUpAt));

        push(pickedUp, "not-our-salt").then().statusCode(401).contentType("application/problem+json")
                .body("type", endsWith("/invalid-push-signature"));
        push(history(number, System.currentTimeMillis() - Duration.ofMinutes(6).toMillis(), scan("103", "深圳市", pickedUpAt)),
                SALT).then().statusCode(401);
        push(history("YT0000000000000", System.currentTimeMillis(), scan("103", "深圳市", pickedUpAt)), SALT).then()
                .statusCode(404);
        push(history(number, System.currentTimeMillis(), scan("777", "深圳市", pickedUpAt)), SALT).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded").body("param=%7Bnot+json&sign=X")
                .when().post("/carriers/kd100/pushes").then().statusCode(401);
        assertEquals(0, scans(shipment.id()), "nothing recorded for a refused push");

        push("{not json", SALT).then().statusCode(400).contentType("application/problem+json"); // signed, yet unreadable
        push(pickedUp, SALT).then().statusCode(200).body("result", is(true)).body("returnCode", is("200"));
        push(pickedUp, SALT).then().statusCode(401).contentType("application/problem+json"); // replayed as sent
        Instant arrivedAt = pickedUpAt.plusSeconds(20);
        Instant departedAt = pickedUpAt.plusSeconds(40);
        // the push of the arrival was lost: the departure's push carries it in its history
        push(history(number, System.currentTimeMillis(), scan("1002", "上海市", departedAt), scan("1001", "上海市", arrivedAt),
                scan("103", "深圳市", pickedUpAt)), SALT).then().statusCode(200);
        push(history(number, System.currentTimeMillis(), scan("1002", "上海市", departedAt), scan("1001", "上海市", arrivedAt),
                scan("103", "深圳市", pickedUpAt)), SALT).then().statusCode(200); // stamped afresh: the aggregator's retry
        Instant eta = departedAt.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        push(history(number, System.currentTimeMillis(), eta, scan("1002", "上海市", departedAt), scan("1001", "上海市", arrivedAt),
                scan("103", "深圳市", pickedUpAt)), SALT).then().statusCode(200); // nothing new but the forecast
        given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", shipment.id()).then()
                .statusCode(200).body("code", contains("PICKED_UP", "ARRIVED_AT_SORTING_CENTRE", "IN_TRANSIT"));
        assertEquals(eta, await(orderId, s -> eta.equals(s.eta()), "re-forecast").eta());
        assertEquals(Shipment.Status.IN_TRANSIT, await(orderId, s -> true, "read").status());
        assertEquals(List.of("ShipmentCreated", "ShipmentPickedUp", "ShipmentInTransit", "ShipmentInTransit"),
                eventTypes(orderId));
    }

    @Test
    void an_order_cancelled_before_pickup_is_called_off_at_the_aggregator() throws Exception {
        long orderId = SagaEvents.newOrderId();
        KD100.script(orderId, "normal", 60_000);
        SagaEvents.send(ORDERS, orderId, paidChoosing(orderId, "STANDARD"));
        await(orderId, s -> s.trackingNumber() != null, "booked");
        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, cancelled(orderId));
        await(orderId, s -> s.status() == Shipment.Status.CANCELLED, "cancelled");
        Instant deadline = Instant.now().plusSeconds(20);
        while (!KD100.order(orderId).getBoolean("cancelled")) {
            assertTrue(Instant.now().isBefore(deadline), "the aggregator was not told within 20 s");
            Thread.sleep(200);
        }
        assertEquals(List.of("ShipmentCreated", "ShipmentCancelled"), eventTypes(orderId));
    }







    /** One entry of {@code lastResult.data}, as the aggregator words a scan. */
    private static String scan(String statusCode, String city, Instant at) {
        return """
                {"time":"%s","ftime":"%s","context":"快递员已揽件","areaName":"%s","status":"0","statusCode":"%s"}"""
                .formatted(CHINA_TIME.format(at), CHINA_TIME.format(at), city, statusCode);
    }

    /** A push's param: the history, newest scan first, stamped with {@code pushTime}. */
    private static String history(String number, long pushTime, String... newestFirst) {
        return history(number, pushTime, null, newestFirst);
    }

    /** A push's param as the previous, the aggregator expecting the parcel at {@code eta} (none when null). */
    private static String history(String number, long pushTime, Instant eta, String... newestFirst) {
        return """
                {"status":"polling","message":"","pushTime":"%d","lastResult":{"message":"ok","status":"200","com":"yuantong",\
                "nu":"%s","state":"0","ischeck":"0","arrivalTime":"%s","data":[%s]}}"""
                .formatted(pushTime, number, eta == null ? "" : CHINA_TIME.format(eta), String.join(",", newestFirst));
    }

    private static Response push(String param, String salt) {
        return given().contentType("application/x-www-form-urlencoded")
                .body("param=" + URLEncoder.encode(param, StandardCharsets.UTF_8) + "&sign=" + Signatures.md5UpperHex(param + salt))
                .when().post("/carriers/kd100/pushes");
    }


}
