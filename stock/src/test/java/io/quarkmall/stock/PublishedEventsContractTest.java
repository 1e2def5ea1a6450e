package io.quarkmall.stock;

import io.quarkmall.stock.domain.FlashSaleEvent;
import io.quarkmall.stock.domain.ReservationEvent;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.EventContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What this module's tests made it publish on stock.reservation.v1, read back from its outbox, holds to
 * docs/events/stock.reservation.v1.schema.json: a broken contract fails here, in the producer's own build.
 * Runs after the module's other tests.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class PublishedEventsContractTest {

    @Test
    void every_event_published_in_this_test_run_matches_the_documented_schema() {
        Instant since = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        var published = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "topic like ?1 and createdAt >= ?2", "%stock.reservation.v1", since)).stream().map(OutboxEvent::envelope).toList();
        EventContract.of("stock.reservation.v1", ReservationEvent.class).holds(published);
    }

    @Test
    void every_flash_sale_event_published_in_this_test_run_matches_the_documented_schema() {
        Instant since = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        var published = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "topic like ?1 and createdAt >= ?2", "%stock.flashsale.v1", since)).stream().map(OutboxEvent::envelope).toList();
        EventContract.of("stock.flashsale.v1", FlashSaleEvent.class).holds(published);
    }
}
