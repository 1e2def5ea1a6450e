package io.quarkmall.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    @Inject
    Inbox inbox;

    private boolean deliver(String consumer, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(consumer, eventId));
    }

    @Test
    void a_redelivered_event_is_recognised() {
        UUID event = UUID.randomUUID();
        assertTrue(deliver("loyalty-points", event));
        assertFalse(deliver("loyalty-points", event));
    }

    @Test
    void each_consumer_has_its_own_inbox() {
        UUID event = UUID.randomUUID();
        assertTrue(deliver("stock-reservations", event));
        assertTrue(deliver("shipping-shipments", event));
    }

    @Test
    void a_delivery_rolled_back_with_its_effect_is_not_recorded() {
        UUID event = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                inbox.firstDelivery("pay-orders", event);
                throw new IllegalStateException("the effect failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertTrue(deliver("pay-orders", event), "the event is applied when it comes again");
    }

    @Test
    void an_effect_that_fails_for_a_while_is_retried_in_place_and_applied_once() throws Exception {
        var attempts = new AtomicInteger();
        String message = """
                {"eventId":"%s","type":"Noted","occurredAt":"2026-11-23T10:00:00Z","aggregateId":"1","payload":{}}"""
                .formatted(UUID.randomUUID());
        inbox.deliver(message, EventRoutes.of("flaky-consumer").on(Noted.class, noted -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("the database is away for a moment");
            }
        }));
        assertEquals(3, attempts.get());
        inbox.deliver(message, EventRoutes.of("flaky-consumer").on(Noted.class, noted -> attempts.incrementAndGet()));
        assertEquals(3, attempts.get(), "a redelivery after success applies nothing");
    }

    @Test
    void an_effect_that_keeps_failing_gives_up_so_the_dead_letter_topic_takes_it() {
        var attempts = new AtomicInteger();
        String message = """
                {"eventId":"%s","type":"Noted","occurredAt":"2026-11-23T10:00:00Z","aggregateId":"1","payload":{}}"""
                .formatted(UUID.randomUUID());
        assertThrows(IllegalStateException.class, () ->
                inbox.deliver(message, EventRoutes.of("broken-consumer").on(Noted.class, noted -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("a bug, not a blip");
                })));
        assertEquals(Inbox.ATTEMPTS, attempts.get());
    }

    /** An event type with nothing to read. */
    record Noted() {}

    /** What one consumer reads of StockReserved: fewer fields than the producer sends. */
    record StockReserved(long orderId) {}

    /** Another type of the same topic that this consumer also reads. */
    record StockRejected(long orderId, String sku) {}

    @Test
    void each_type_reaches_its_own_handler_with_only_the_fields_it_reads() throws Exception {
        var reserved = new AtomicReference<StockReserved>();
        var rejected = new AtomicReference<StockRejected>();
        var routes = EventRoutes.of("typed-consumer").on(StockReserved.class, reserved::set)
                .on(StockRejected.class, rejected::set);
        inbox.deliver(message("StockReserved", "{\"orderId\":7,\"lines\":[{\"sku\":\"TEA-1\",\"quantity\":1}]}"), routes);
        inbox.deliver(message("StockRejected", "{\"orderId\":8,\"sku\":\"TEA-2\",\"requested\":3}"), routes);
        assertEquals(new StockReserved(7), reserved.get());
        assertEquals(new StockRejected(8, "TEA-2"), rejected.get());
    }

    @Test
    void a_type_without_a_route_is_skipped_and_leaves_no_inbox_row() throws Exception {
        var applied = new AtomicInteger();
        String message = message("StockReleased", "{\"orderId\":9}");
        inbox.deliver(message, EventRoutes.of("typed-consumer").on(StockReserved.class, e -> applied.incrementAndGet()));
        assertEquals(0, applied.get());
        UUID eventId = UUID.fromString(message.substring(12, 48));
        assertTrue(deliver("typed-consumer", eventId), "the skipped event was never recorded as applied");
    }

    @Test
    void a_consumer_cannot_route_one_type_twice() {
        var routes = EventRoutes.of("confused-consumer").on(Noted.class, e -> { });
        assertThrows(IllegalArgumentException.class, () -> routes.on(Noted.class, e -> { }));
    }

    private static String message(String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","occurredAt":"2026-11-23T10:00:00Z","aggregateId":"7","payload":%s}"""
                .formatted(UUID.randomUUID(), type, payload);
    }

    @Test
    void concurrent_deliveries_of_one_event_are_applied_once() throws Exception {
        UUID event = UUID.randomUUID();
        int threads = 16;
        var pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Boolean>>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return deliver("cart-order-payments", event);
            }));
        }
        start.countDown();
        int firsts = 0;
        for (var r : results) {
            firsts += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, firsts);
    }
}
