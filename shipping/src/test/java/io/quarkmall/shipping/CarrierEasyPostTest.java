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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paid orders shipped through the EasyPost-like international label API's sandbox (:18285): a shipment created and
 * the rate of the order's service bought (DHL Express or USPS), its label a PDF, and its tracker's events (signed with
 * our webhook secret, each with the whole history) followed to the door; forged, stale, replayed and unreadable events
 * refused; a new ETA on a scan sent again taken; a busy API called again; a cancelled order's label voided.
 */
@QuarkusTest
@TestProfile(CarrierEasyPostTest.EasyPostCarrier.class)
class CarrierEasyPostTest {

    /** The label API ships paid orders and sends its events to this test's fixed port (and fixed management port). */
    public static class EasyPostCarrier implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkmall.shipping.carrier", "easypost",
                    "quarkus.http.test-port", "18588", "quarkus.management.test-port", "19588",
                    "quarkmall.shipping.easypost.webhook-url", "http://127.0.0.1:18588/api/shipping/carriers/easypost/pushes");
        }
    }

    private static final String ORDERS = "test.shipping.order.v1";
    private static final CarrierSandbox EASYPOST = new CarrierSandbox("http://127.0.0.1:18285");
    private static final String SECRET = "local-only-easypost-webhook-secret"; // %test.quarkmall.shipping.easypost.webhook-secret

    @Test
    void a_paid_order_gets_a_label_of_its_services_carrier_and_is_followed_to_the_door_by_its_trackers_events() throws Exception {
        long standard = SagaEvents.newOrderId();
        EASYPOST.script(standard, "normal", 150);
        SagaEvents.send(ORDERS, standard, paidChoosing(standard, "STANDARD"));
        long express = SagaEvents.newOrderId();
        EASYPOST.script(express, "normal", 60_000);
        SagaEvents.send(ORDERS, express, paidChoosing(express, "EXPRESS"));

        Shipment delivered = await(standard, s -> s.status() == Shipment.Status.DELIVERED, "delivered");
        assertTrue(delivered.trackingNumber().matches("LZ[0-9]{9}US"), "USPS's number: " + delivered.trackingNumber());
        given().auth().oauth2(Tokens.of("shopper")).when().get("/shipments/{id}/tracking", delivered.id()).then()
                .statusCode(200)
                .body("code", contains("PICKED_UP", "ARRIVED_AT_SORTING_CENTRE", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"))
                .body("place", contains("CN-SZ", "CN-SH-SORT", "CN-SH-SORT", "CN-HZ", "DOORSTEP"))
                .body("location[0]", is("Picked up by the carrier"));
        assertEquals(List.of("ShipmentCreated", "ShipmentPickedUp", "ShipmentInTransit", "ShipmentInTransit",
                "ShipmentInTransit", "ShipmentDelivered"), eventTypes(standard));
        JsonPath api = EASYPOST.order(standard);
        assertEquals("USPS", api.getString("carrier"));
        assertEquals(84.7, api.getDouble("weightOunces"), 0.001, "2.4 kg in ounces, rounded up to the tenth");
        assertEquals(List.of(1, 2, 3, 4, 5), api.getList("pushes.scans"), "each event carries the history so far");
        assertEquals(List.of(true, true, true, true, true), api.getList("pushes.acknowledged"));

        String label = given().auth().oauth2(Tokens.of("admin")).queryParam("status", "DELIVERED").when()
                .get("/admin/shipments").then().statusCode(200).extract()
                .path("find { it.orderId == %d }.carrierLabelUrl".formatted(standard));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(label)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode(), "the carrier's label, where the operators' view says");
        assertTrue(new String(pdf.body(), StandardCharsets.US_ASCII).contains(delivered.trackingNumber()), "a label of this parcel");

        Shipment booked = await(express, s -> s.trackingNumber() != null, "booked");
        assertTrue(booked.trackingNumber().matches("[0-9]{10}"), "express goes by DHL: " + booked.trackingNumber());
        assertEquals("DHLExpress", EASYPOST.order(express).getString("carrier"));
    }

    @Test
    void an_api_that_is_busy_is_called_again_until_it_books() throws Exception {
        EASYPOST.faults(2, 503);
        long orderId = SagaEvents.newOrderId();
        EASYPOST.script(orderId, "normal", 60_000);
        SagaEvents.send(ORDERS, orderId, paidChoosing(orderId, "STANDARD"));
        Shipment booked = await(orderId, s -> s.trackingNumber() != null, "booked after two 503s");
        assertEquals(2, booked.booking().failedCalls(), "each failure recorded on the parcel");
        assertEquals(List.of("ShipmentCreated"), eventTypes(orderId), "announced once, with its tracking code");
    }

    @Test
    void forged_stale_replayed_and_unreadable_events_are_refused_and_a_scan_sent_again_moves_the_eta() throws Exception {
        long orderId = SagaEvents.newOrderId();
        EASYPOST.script(orderId, "normal", 60_000); // the sandbox stays quiet: this test sends the events
        SagaEvents.send(ORDERS, orderId, paidChoosing(orderId, "STANDARD"));
        Shipment shipment = await(orderId, s -> s.trackingNumber() != null, "booked");
        String code = shipment.trackingNumber();
        Instant pickedUpAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Instant eta = pickedUpAt.plus(Duration.ofDays(9));
        String pickedUp = tracker(code, eta, detail("received_at_origin_facility", "SHENZHEN", pickedUpAt));
        long now = System.currentTimeMillis();

        send(pickedUp, "not-our-secret-at-all", now).then().statusCode(401).contentType("application/problem+json")
                .body("type", endsWith("/invalid-push-signature"));
        send(pickedUp, SECRET, now - Duration.ofMinutes(6).toMillis()).then().statusCode(401);
        send(tracker("0000000000", eta, detail("received_at_origin_facility", "SHENZHEN", pickedUpAt)), SECRET, now).then()
                .statusCode(404);
        send(tracker(code, eta, detail("teleported", "SHENZHEN", pickedUpAt)), SECRET, now).then().statusCode(400)
                .contentType("application/problem+json");
        send("{not json", SECRET, now).then().statusCode(400);
        assertEquals(0, scans(shipment.id()), "nothing recorded for a refused event");
        send(tracker(code, eta, detail("received_at_origin_facility", "SHENZHEN", Instant.now().plus(Duration.ofDays(30)))),
                SECRET, now).then().statusCode(200);
        assertEquals(0, scans(shipment.id()), "a scan dated after now has not happened: not applied");

        send(pickedUp, SECRET, now).then().statusCode(200).body("received", is(true));
        send(pickedUp, SECRET, now).then().statusCode(401); // replayed as sent
        send(tracker(code, Instant.now().plus(Duration.ofDays(400)), detail("received_at_origin_facility", "SHENZHEN",
                pickedUpAt)), SECRET, System.currentTimeMillis()).then().statusCode(200);
        assertEquals(eta, await(orderId, s -> true, "read").eta(), "an ETA more than a year away says nothing");
        Instant later = eta.plus(Duration.ofDays(2));
        send(tracker(code, later, detail("received_at_origin_facility", "SHENZHEN", pickedUpAt)), SECRET,
                System.currentTimeMillis()).then().statusCode(200);
        assertEquals(1, scans(shipment.id()), "the scan once, however often it came");
        assertEquals(later, await(orderId, s -> later.equals(s.eta()), "re-forecast").eta());
        send(tracker(code, eta, detail("received_at_origin_facility", "GUANGZHOU", pickedUpAt.minusSeconds(30))), SECRET,
                System.currentTimeMillis()).then().statusCode(200); // an older scan, late: recorded, but no forecast
        assertEquals(2, scans(shipment.id()));
        Shipment moved = await(orderId, s -> s.status() == Shipment.Status.PICKED_UP, "picked up");
        assertEquals(later, moved.eta(), "the ETA the carrier sent with the scan again");
        assertEquals(List.of("ShipmentCreated", "ShipmentPickedUp"), eventTypes(orderId));
    }

    @Test
    void an_order_cancelled_before_pickup_has_its_label_voided() throws Exception {
        long orderId = SagaEvents.newOrderId();
        EASYPOST.script(orderId, "normal", 60_000);
        SagaEvents.send(ORDERS, orderId, paidChoosing(orderId, "STANDARD"));
        await(orderId, s -> s.trackingNumber() != null, "booked");
        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, cancelled(orderId));
        await(orderId, s -> s.status() == Shipment.Status.CANCELLED, "cancelled");
        Instant deadline = Instant.now().plusSeconds(20);
        while (!EASYPOST.order(orderId).getBoolean("refunded")) {
            assertTrue(Instant.now().isBefore(deadline), "the label was not voided within 20 s");
            Thread.sleep(200);
        }
        assertEquals(List.of("ShipmentCreated", "ShipmentCancelled"), eventTypes(orderId));
    }

    private static String detail(String statusDetail, String city, Instant at) {
        return """
                {"object":"TrackingDetail","message":"Picked up by the carrier","status":"in_transit","status_detail":"%s",
                 "datetime":"%s","tracking_location":{"city":"%s","country":"CN"}}"""
                .formatted(statusDetail, at, city);
    }

    private static String tracker(String code, Instant eta, String... oldestFirst) {
        return """
                {"id":"evt_test","object":"Event","description":"tracker.updated","result":{"object":"Tracker",\
                "tracking_code":"%s","status":"in_transit","est_delivery_date":"%s","tracking_details":[%s]}}"""
                .formatted(code, eta, String.join(",", oldestFirst));
    }

    private static Response send(String body, String secret, long timestamp) {
        return given().contentType("application/json").header("X-Timestamp", Long.toString(timestamp))
                .header("X-Hmac-Signature", "hmac-sha256-hex=" + Signatures.hmacSha256Hex(secret, timestamp + "." + body)).body(body)
                .when().post("/carriers/easypost/pushes");
    }

}
