package io.quarkmall.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.stack.testing.LiveClient;
import io.quarkmall.stack.testing.LiveClient.Event;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A parcel, live: each carrier scan reaches its shopper's open stream as it is taken, once, in
 * order; a client that comes back with its Last-Event-ID gets what it missed; nobody else follows it.
 * The sweep is off in tests, so every scan here came by its signal.
 */
@QuarkusTest
class LiveTrackingTest {

    private static final String ORDERS = "test.shipping.order.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private static String live(long shipmentId) {
        return "http://localhost:" + RestAssured.port + "/" + RestAssured.basePath.replaceAll("^/|/$", "") + "/shipments/" + shipmentId + "/live";
    }

    private static String code(Event scan) {
        return scan.data().replaceAll(".*\"code\":\"(\\w+)\".*", "$1");
    }

    /** The shipment of a new paid order, as soon as it exists (the carrier scans it 300 ms later). */
    private static long shipped() throws InterruptedException {
        long orderId = SagaEvents.newOrderId();
        SagaEvents.send(ORDERS, orderId, ShippingSagaTest.paid(orderId));
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            var shipment = QuarkusTransaction.requiringNew().call(() -> Shipment.ofOrder(orderId).map(Shipment::id));
            if (shipment.isPresent()) {
                return shipment.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no shipment for order " + orderId);
    }

    @Test
    void each_scan_reaches_the_open_stream_once_and_in_order() throws Exception {
        long shipmentId = shipped();
        try (var stream = LiveClient.open(live(shipmentId), Tokens.of("shopper"), null)) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            List<Event> scans = stream.next(3, PATIENCE);
            assertEquals(List.of("PICKED_UP", "IN_TRANSIT", "DELIVERED"), scans.stream().map(LiveTrackingTest::code).toList());
            assertTrue(scans.stream().allMatch(scan -> scan.name().equals("scan")));
            assertTrue(scans.get(2).data().contains("\"place\":\"DOORSTEP\""), scans.get(2).data());
            assertTrue(Long.parseLong(scans.get(0).id()) < Long.parseLong(scans.get(1).id())
                    && Long.parseLong(scans.get(1).id()) < Long.parseLong(scans.get(2).id()), "ids grow along the stream");
            assertTrue(stream.quietFor(Duration.ofSeconds(1)), "each scan is sent once");
        }
    }

    @Test
    void a_client_coming_back_with_its_last_event_id_gets_only_the_scans_it_missed() throws Exception {
        long shipmentId = shipped();
        String first;
        try (var stream = LiveClient.open(live(shipmentId), Tokens.of("shopper"), null)) {
            first = stream.next(PATIENCE).id();
        }
        try (var back = LiveClient.open(live(shipmentId), Tokens.of("shopper"), first)) {
            assertEquals(List.of("IN_TRANSIT", "DELIVERED"), back.next(2, PATIENCE).stream().map(LiveTrackingTest::code).toList());
            assertTrue(back.quietFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void another_shoppers_parcel_is_a_404_and_no_token_a_401() throws Exception {
        long shipmentId = shipped();
        try (var other = LiveClient.open(live(shipmentId), Tokens.of("shopper2"), null)) {
            assertEquals(404, other.status());
            assertTrue(other.contentType().startsWith("application/problem+json"), other.contentType());
        }
        try (var anonymous = LiveClient.open(live(shipmentId), null, null)) {
            assertEquals(401, anonymous.status());
        }
        try (var bad = LiveClient.open(live(shipmentId), Tokens.of("shopper"), "x1")) {
            assertEquals(400, bad.status());
        }
    }
}
