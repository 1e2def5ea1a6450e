package io.quarkmall.shipping.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parcel of one order, as a carrier tracks it: CREATED → PICKED_UP → IN_TRANSIT → DELIVERED.
 * Each step is recorded as a tracking event; a step out of order is refused.
 */
@Entity
public class Shipment extends PanacheEntityBase {

    public enum Status {
        CREATED, PICKED_UP, IN_TRANSIT, DELIVERED, CANCELLED;

        Optional<Status> next() {
            return this == DELIVERED || this == CANCELLED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
        }
    }

    /** The place code of the shipper's own warehouse, where a parcel waits for its carrier. */
    public static final String WAREHOUSE = "WAREHOUSE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long orderId;
    private String shopperId;
    private String carrier;
    private String trackingNumber;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private Instant nextStepAt;
    private Instant eta;
    @Transient
    private final List<TrackingEvent> newTracking = new ArrayList<>();

    protected Shipment() {
    }

    /** A new shipment for a paid order; the carrier picks it up after {@code firstStep}. */
    public static Shipment create(long orderId, String shopperId, String carrier, String trackingNumber,
                                  Instant now, Duration firstStep) {
        var shipment = new Shipment();
        shipment.orderId = orderId;
        shipment.shopperId = shopperId;
        shipment.carrier = carrier;
        shipment.trackingNumber = trackingNumber;
        shipment.status = Status.CREATED;
        shipment.createdAt = now;
        shipment.nextStepAt = now.plus(firstStep);
        shipment.eta = shipment.etaAfter(firstStep);
        shipment.persist();
        return shipment;
    }

    public static Optional<Shipment> ofOrder(long orderId) {
        return find("orderId", orderId).firstResultOptional();
    }

    /**
     * The order's shipment, locked like the carrier's moves lock it: changes to one parcel then commit one
     * after the other, so its tracking events commit in the order of their ids (which live streams follow).
     */
    public static Optional<Shipment> ofOrderForUpdate(long orderId) {
        return find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<Shipment> ownedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).firstResultOptional();
    }

    /** Shipments whose next carrier step is due, locked so that two carriers never move one parcel. */
    public static List<Shipment> dueForNextStep(Instant now, int limit) {
        return find("nextStepAt <= ?1 order by nextStepAt", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    /**
     * The carrier scanned the parcel at its next step, at {@code place} (a stable code) which it calls
     * {@code location}; returns the new status. The ETA moves with the scan.
     */
    public Status advance(String place, String location, Instant now, Duration untilNextStep) {
        Status to = status.next().orElseThrow(() -> new RuleViolation("shipment-not-moving",
                "Shipment " + id + " is " + status + "; the carrier has no next step for it"));
        status = to;
        nextStepAt = to == Status.DELIVERED ? null : now.plus(untilNextStep);
        eta = etaAfter(untilNextStep);
        newTracking.add(new TrackingEvent(id, to.name(), TrackingCode.of(to), place, location, now));
        return to;
    }

    /** The next step when it is due, then every remaining step to the doorstep at {@code step} each; null once it stopped. */
    private Instant etaAfter(Duration step) {
        if (nextStepAt == null) {
            return null;
        }
        int stepsAfterNext = Status.DELIVERED.ordinal() - status.ordinal() - 1;
        return nextStepAt.plus(step.multipliedBy(stepsAfterNext));
    }

    /**
     * The order was cancelled: a parcel the carrier has not picked up is not sent. False once it
     * has left (a return, not a cancellation) or if it is already cancelled.
     */
    public boolean cancel(Instant now) {
        if (status != Status.CREATED) {
            return false;
        }
        status = Status.CANCELLED;
        nextStepAt = null;
        eta = null;
        newTracking.add(new TrackingEvent(id, Status.CANCELLED.name(), TrackingCode.CANCELLED, WAREHOUSE, "Warehouse", now));
        return true;
    }

    /** The tracking events of the scans and the cancellation since the last call; the caller stores them. */
    public List<TrackingEvent> takeTracking() {
        var taken = List.copyOf(newTracking);
        newTracking.clear();
        return taken;
    }

    public String shopperId() {
        return shopperId;
    }

    public static List<Shipment> ofShopper(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt"), shopperId).page(Page.of(page, size)).list();
    }

    public static List<Shipment> ofShopperOrder(String shopperId, long orderId, int page, int size) {
        return find("shopperId = ?1 and orderId = ?2", Sort.descending("createdAt"), shopperId, orderId)
                .page(Page.of(page, size)).list();
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public Status status() {
        return status;
    }

    /** When the parcel is expected at the doorstep; null once delivered or cancelled, or before its first move under this model. */
    public Instant eta() {
        return eta;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
