package io.quarkmall.cartorder;

import io.quarkmall.cartorder.domain.OrderEvent;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.EventContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What this module's tests made it publish on order.v1, read back from its outbox, holds to
 * docs/events/order.v1.schema.json: a broken contract fails here, in the producer's own build.
 * Runs after the module's other tests: cart-order has a test profile, so Quarkus' own class orderer
 * runs its tests (by profile, then by class name), and this class sorts after the other tests of
 * the default profile, which cause every order event.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class PublishedEventsContractTest {

    @Test
    void every_event_published_in_this_test_run_matches_the_documented_schema() {
        Instant since = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        var published = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "topic like ?1 and createdAt >= ?2", "%order.v1", since)).stream().map(OutboxEvent::envelope).toList();
        EventContract.of("order.v1", OrderEvent.class).holds(published);
    }
}
