package io.quarkmall.shipping.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.shipping.config.ShippingConfig;
import io.quarkmall.shipping.domain.Shipment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Ships paid orders and reports every step of the parcel, through the outbox. */
@ApplicationScoped
public class ShipmentService {

    static final String SANDBOX_CARRIER = "sandbox-express";
    private static final String[] ROUTE = {"Shanghai sorting centre", "Hangzhou hub", "Doorstep"};

    private final Outbox outbox;
    private final Clock clock;
    private final ShippingConfig config;

    ShipmentService(Outbox outbox, Clock clock, ShippingConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** One shipment per order, however often the payment is announced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Shipment shipPaidOrder(long orderId, String shopperId) {
        return Shipment.ofOrder(orderId).orElseGet(() -> {
            String tracking = "QM%d%04d".formatted(orderId, ThreadLocalRandom.current().nextInt(10_000));
            var shipment = Shipment.create(orderId, shopperId, SANDBOX_CARRIER, tracking, clock.instant(),
                    config.sandboxStep());
            outbox.record(config.shipmentTopic(), Long.toString(orderId), "ShipmentCreated", Map.of(
                    "orderId", orderId, "shipmentId", shipment.id(), "carrier", SANDBOX_CARRIER,
                    "trackingNumber", tracking));
            return shipment;
        });
    }

    /** The sandbox carrier's scans: every due parcel moves one step along its route. */
    @Transactional
    public int moveDueParcels() {
        var now = clock.instant();
        var due = Shipment.dueForNextStep(now, 50);
        for (Shipment shipment : due) {
            String location = ROUTE[shipment.status().ordinal()];
            Shipment.Status status = shipment.advance(location, now, config.sandboxStep());
            outbox.record(config.shipmentTopic(), Long.toString(shipment.orderId()), eventType(status), Map.of(
                    "orderId", shipment.orderId(), "shipmentId", shipment.id(), "location", location));
        }
        return due.size();
    }

    private static String eventType(Shipment.Status status) {
        return switch (status) {
            case PICKED_UP -> "ShipmentPickedUp";
            case IN_TRANSIT -> "ShipmentInTransit";
            case DELIVERED -> "ShipmentDelivered";
            case CREATED -> throw new IllegalArgumentException("CREATED is not a carrier step");
        };
    }
}
