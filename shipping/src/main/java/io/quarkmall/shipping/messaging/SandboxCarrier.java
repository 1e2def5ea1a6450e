package io.quarkmall.shipping.messaging;

import io.quarkmall.shipping.service.ShipmentService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sandbox carrier: stands in for a real carrier's tracking feed (which pushes scans to us),
 * so every environment without a carrier contract still sees parcels picked up, in transit and
 * delivered. Every second it moves the parcels whose next step is due.
 */
@ApplicationScoped
class SandboxCarrier {

    private final ShipmentService shipments;

    SandboxCarrier(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        shipments.moveDueParcels();
    }
}
