package io.quarkmall.shipping;

import io.quarkmall.shipping.domain.ShipmentEvent;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.EventContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What this module's tests made it publish on shipping.shipment.v1, read back from its outbox, holds to
 * docs/events/shipping.shipment.v1.schema.json: a broken contract fails here, in the producer's own build.
 * Runs after the module's other tests: Quarkus runs the tests without a profile first, then those of each
 * profile together; this one shares CarrierSfExpressTest's and comes last in it (@Order).
 */
@QuarkusTest
@TestProfile(CarrierSfExpressTest.SfCarrier.class)
@Order(Integer.MAX_VALUE)
class PublishedEventsContractTest {

    @Test
    void every_event_published_in_this_test_run_matches_the_documented_schema() {
        Instant since = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        var published = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "topic like ?1 and createdAt >= ?2", "%shipping.shipment.v1", since)).stream().map(OutboxEvent::envelope).toList();
        EventContract.of("shipping.shipment.v1", ShipmentEvent.class).holds(published);
    }
}
