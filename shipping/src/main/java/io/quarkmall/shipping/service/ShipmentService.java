package io.quarkmall.shipping.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.shipping.config.ShippingConfig;
import io.quarkmall.shipping.domain.Shipment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Ships paid orders and reports every step of the parcel, through the outbox. */
@ApplicationScoped
public class ShipmentService {

    static final String SANDBOX_CARRIER = "sandbox-express";
    private static final String[] ROUTE = {"Shanghai sorting centre", "Hangzhou hub", "Doorstep"};

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final ShippingConfig config;

    ShipmentService(EntityManager em, Outbox outbox, Clock clock, ShippingConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** One shipment per order, however often the payment is announced; none for a cancelled order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shipPaidOrder(long orderId, String shopperId) {
        lockOrder(orderId);
        if (cancelledBeforeShipping(orderId)) {
            return;
        }
        Shipment.ofOrder(orderId).orElseGet(() -> {
            String tracking = "QM%d%04d".formatted(orderId, ThreadLocalRandom.current().nextInt(10_000));
            var shipment = Shipment.create(orderId, shopperId, SANDBOX_CARRIER, tracking, clock.instant(),
                    config.sandboxStep());
            outbox.record(config.shipmentTopic(), Long.toString(orderId), "ShipmentCreated", Map.of(
                    "orderId", orderId, "shipmentId", shipment.id(), "carrier", SANDBOX_CARRIER,
                    "trackingNumber", tracking));
            return shipment;
        });
    }

    /** Stops the parcel if it has not left; remembers the cancellation if payment has not arrived yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderCancelled(long orderId) {
        lockOrder(orderId);
        var now = clock.instant();
        Shipment.ofOrder(orderId).ifPresentOrElse(shipment -> {
            if (shipment.cancel(now)) {
                outbox.record(config.shipmentTopic(), Long.toString(orderId), "ShipmentCancelled",
                        Map.of("orderId", orderId, "shipmentId", shipment.id()));
            }
        }, () -> em.createNativeQuery("INSERT INTO cancelled_order (order_id, cancelled_at) VALUES (?1, ?2) "
                + "ON CONFLICT DO NOTHING").setParameter(1, orderId).setParameter(2, now).executeUpdate());
    }

    /**
     * The payment and the cancellation of one order arrive on different topics, so on different
     * threads: without this lock each could miss the other's uncommitted row and a cancelled
     * order would ship. The second waits, then sees what the first committed.
     */
    private void lockOrder(long orderId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 2))")
                .setParameter(1, "shipping-order:" + orderId).getSingleResult();
    }

    private boolean cancelledBeforeShipping(long orderId) {
        return !em.createNativeQuery("SELECT 1 FROM cancelled_order WHERE order_id = ?1").setParameter(1, orderId)
                .getResultList().isEmpty();
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
            case CREATED, CANCELLED -> throw new IllegalArgumentException(status + " is not a carrier step");
        };
    }
}
