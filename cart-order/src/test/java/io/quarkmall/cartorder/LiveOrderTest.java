package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.CheckoutSagaTest.awaitStatus;
import static io.quarkmall.cartorder.CheckoutSagaTest.checkout;
import static io.quarkmall.cartorder.CheckoutSagaTest.event;
import static io.quarkmall.cartorder.CheckoutSagaTest.listedSku;
import static io.quarkmall.cartorder.CheckoutSagaTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.LiveClient;
import io.quarkmall.stack.testing.LiveClient.Event;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An order page, live: the timeline so far, then each step as it happens, without asking again;
 * a client that comes back with its Last-Event-ID gets only what it missed; a step written on
 * another replica reaches this one's streams through Redis; nobody follows another shopper's order.
 * The sweep is off in tests (%test.quarkmall.live.sweep), so every step here came by its signal.
 */
@QuarkusTest
class LiveOrderTest {

    private static final String STOCK = "test.cart-order.reservation.v1";
    private static final String PAYMENTS = "test.cart-order.payment.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Inject
    EntityManager em;
    @Inject
    RedisDataSource redis;

    static String live(long orderId) {
        return "http://localhost:" + RestAssured.port + "/" + RestAssured.basePath.replaceAll("^/|/$", "") + "/orders/" + orderId + "/live";
    }

    private static String status(Event step) {
        return step.data().replaceAll(".*\"status\":\"(\\w+)\".*", "$1");
    }

    @Test
    void the_stream_sends_the_timeline_so_far_then_each_step_as_it_happens() throws Exception {
        long orderId = checkout("shopper", listedSku(800));
        try (var stream = LiveClient.open(live(orderId), Tokens.of("shopper"), null)) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            Event placed = stream.next(PATIENCE);
            assertEquals("step", placed.name());
            assertEquals("PENDING", status(placed));

            event(STOCK, "StockReserved", orderId, "");
            assertEquals("STOCK_RESERVED", status(stream.next(PATIENCE)));
            SagaEvents.publish(PAYMENTS, "PaymentFailed", orderId, "{\"orderId\":%d,\"reason\":\"DECLINED\"}".formatted(orderId));
            Event failed = stream.next(PATIENCE); // a step without a status change
            assertTrue(failed.data().contains("Payment attempt failed (DECLINED)"), failed.data());
            post("shopper", "/orders/" + orderId + "/cancellation", UUID.randomUUID().toString()).statusCode(200);
            Event cancelled = stream.next(PATIENCE);
            assertEquals("CANCELLED", status(cancelled));
            assertTrue(Long.parseLong(cancelled.id()) > Long.parseLong(failed.id()), "ids grow along the stream");
            assertTrue(stream.quietFor(Duration.ofMillis(500)), "each step is sent once");
        }
    }

    @Test
    void a_client_coming_back_with_its_last_event_id_gets_only_what_it_missed() throws Exception {
        long orderId = checkout("shopper", listedSku(800));
        String seen;
        try (var first = LiveClient.open(live(orderId), Tokens.of("shopper"), null)) {
            seen = first.next(PATIENCE).id();
        }
        event(STOCK, "StockReserved", orderId, "");
        awaitStatus(orderId, "STOCK_RESERVED");
        post("shopper", "/orders/" + orderId + "/cancellation", UUID.randomUUID().toString()).statusCode(200);

        try (var back = LiveClient.open(live(orderId), Tokens.of("shopper"), seen)) {
            List<String> missed = back.next(2, PATIENCE).stream().map(LiveOrderTest::status).toList();
            assertEquals(List.of("STOCK_RESERVED", "CANCELLED"), missed);
            assertTrue(back.quietFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void a_step_written_on_another_replica_reaches_this_replicas_stream_through_redis() throws Exception {
        long orderId = checkout("shopper", listedSku(800));
        try (var stream = LiveClient.open(live(orderId), Tokens.of("shopper"), null)) {
            stream.next(PATIENCE);
            // Another replica: its own transaction, its own signal on the shared channel; none from this JVM.
            writeStepElsewhere(orderId, "Written by another replica");
            assertTrue(stream.quietFor(Duration.ofSeconds(1)), "nothing announced it yet");
            long receivers = redis.execute("PUBLISH", "quarkmall.live.cart-order.test",
                    "another-replica test.cart-order.order.v1/" + orderId).toLong();
            assertTrue(receivers >= 1, "this replica listens on the channel");
            assertTrue(stream.next(PATIENCE).data().contains("Written by another replica"));
        }
    }

    @Test
    void when_redis_drops_the_subscription_this_replica_subscribes_again_and_signals_reach_its_streams() throws Exception {
        String channel = "quarkmall.live.cart-order.test";
        awaitSubscribers(channel, true);
        long killed = redis.execute("CLIENT", "KILL", "TYPE", "pubsub").toLong();
        assertTrue(killed >= 1, "Redis dropped the subscribers");
        awaitSubscribers(channel, true); // made again, with no stream opened to ask for it

        long orderId = checkout("shopper", listedSku(800));
        try (var stream = LiveClient.open(live(orderId), Tokens.of("shopper"), null)) {
            stream.next(PATIENCE);
            writeStepElsewhere(orderId, "After the subscription came back");
            redis.execute("PUBLISH", channel, "another-replica test.cart-order.order.v1/" + orderId);
            assertTrue(stream.next(PATIENCE).data().contains("After the subscription came back"));
        }
    }

    /** A step written by another replica: its own transaction, and no signal from this JVM. */
    private void writeStepElsewhere(long orderId, String note) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO order_timeline (order_id, status, note, occurred_at) VALUES (?1, 'PENDING', ?2, ?3)""")
                .setParameter(1, orderId).setParameter(2, note).setParameter(3, Instant.now()).executeUpdate());
    }

    private void awaitSubscribers(String channel, boolean present) throws InterruptedException {
        for (Instant end = Instant.now().plusSeconds(15); Instant.now().isBefore(end); Thread.sleep(100)) {
            var answer = redis.execute("PUBSUB", "NUMSUB", channel);
            if ((answer.get(1).toLong() > 0) == present) {
                return;
            }
        }
        throw new AssertionError(channel + (present ? " has no subscriber" : " still has a subscriber"));
    }

    @Test
    void only_the_orders_shopper_follows_it_and_a_bad_last_event_id_is_a_400() throws Exception {
        long orderId = checkout("shopper", listedSku(800));
        try (var other = LiveClient.open(live(orderId), Tokens.of("shopper2"), null)) {
            assertEquals(404, other.status());
            assertTrue(other.contentType().startsWith("application/problem+json"), other.contentType());
        }
        try (var anonymous = LiveClient.open(live(orderId), null, null)) {
            assertEquals(401, anonymous.status());
        }
        for (String bad : new String[] {"abc", "-1"}) {
            try (var badId = LiveClient.open(live(orderId), Tokens.of("shopper"), bad)) {
                assertEquals(400, badId.status(), bad);
                assertTrue(badId.contentType().startsWith("application/problem+json"), badId.contentType());
            }
        }
    }
}
