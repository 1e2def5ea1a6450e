package io.quarkmall.loyalty;

import io.quarkmall.loyalty.domain.PointsEvent;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.EventContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What this module's tests made it publish on loyalty.points.v1, read back from its outbox, holds to
 * docs/events/loyalty.points.v1.schema.json: a broken contract fails here, in the producer's own build.
 * Runs after the module's other tests.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class PublishedEventsContractTest {

    @Test
    void every_event_published_in_this_test_run_matches_the_documented_schema() {
        Instant since = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        var published = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "topic like ?1 and createdAt >= ?2", "%loyalty.points.v1", since)).stream().map(OutboxEvent::envelope).toList();
        EventContract.of("loyalty.points.v1", PointsEvent.class).holds(published);
    }
}
