package io.quarkmall.loyalty;

import io.quarkmall.loyalty.domain.CouponEvent;
import io.quarkmall.loyalty.domain.PointsEvent;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.EventContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What this module's tests made it publish on loyalty.points.v1 and loyalty.coupons.v1, read back from
 * its outbox, holds to docs/events/: a broken contract fails here, in the producer's own build.
 * Runs after the module's other tests.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class PublishedEventsContractTest {

    @Test
    void every_event_published_in_this_test_run_matches_the_documented_schema() {
        EventContract.of("loyalty.points.v1", PointsEvent.class).holds(publishedOn("loyalty.points.v1"));
    }

    @Test
    void every_coupon_event_published_in_this_test_run_matches_the_documented_schema() {
        EventContract.of("loyalty.coupons.v1", CouponEvent.class).holds(publishedOn("loyalty.coupons.v1"));
    }

    private static List<String> publishedOn(String topic) {
        Instant since = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "topic like ?1 and createdAt >= ?2", "%" + topic, since)).stream().map(OutboxEvent::envelope).toList();
    }
}
