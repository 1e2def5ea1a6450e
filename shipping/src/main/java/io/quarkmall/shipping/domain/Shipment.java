package io.quarkmall.shipping.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Embedded;
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
 * The parcel of one order, as a carrier tracks it: CREATED → PICKED_UP → IN_TRANSIT → DELIVERED, or
 * CANCELLED before pick-up, or RETURNED_TO_SENDER or LOST on the way. Each scan is recorded as a tracking
 * event. The simulated carrier moves it one step at a time ({@link #advance}); a carrier with an API books
 * it first ({@link #booked}) and then reports its scans, which only ever move it forward ({@link #track}).
 */
@Entity
public class Shipment extends PanacheEntityBase {

    public enum Status {
        CREATED, PICKED_UP, IN_TRANSIT, DELIVERED, CANCELLED, RETURNED_TO_SENDER, LOST;

        Optional<Status> next() {
            return ordinal() < DELIVERED.ordinal() ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
        }

        /** Nothing more happens to a parcel delivered, cancelled, returned or lost. */
        public boolean isFinal() {
            return ordinal() >= DELIVERED.ordinal();
        }
    }

    /** The place code of the shipper's own warehouse, where a parcel waits for its carrier. */
    public static final String WAREHOUSE = "WAREHOUSE";
    /** The place code of the recipient's address. */
    public static final String DOORSTEP = "DOORSTEP";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long orderId;
    private String shopperId;
    private String carrier;
    @Enumerated(EnumType.STRING)
    private DeliveryService service;
    /** The parcel's weight as the order was priced; null when it was not weighed. */
    private Integer weightGrams;
    private String trackingNumber;
    private String carrierLabelUrl;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private Instant nextStepAt;
    private Instant eta;
    @Embedded
    private CarrierBooking booking = CarrierBooking.none();
    /** The code of its last scan, and when it happened: what an operator looks at first. */
    @Enumerated(EnumType.STRING)
    private TrackingCode lastCode;
    private Instant lastScanAt;
    @Transient
    private final List<TrackingEvent> newTracking = new ArrayList<>();

    protected Shipment() {
    }

    /** A new shipment for a paid order; the carrier picks it up after {@code firstStep}. */
    public static Shipment create(long orderId, String shopperId, String carrier, DeliveryService service,
                                  String trackingNumber, Instant now, Duration firstStep) {
        var shipment = new Shipment();
        shipment.orderId = orderId;
        shipment.shopperId = shopperId;
        shipment.carrier = carrier;
        shipment.service = service;
        shipment.trackingNumber = trackingNumber;
        shipment.status = Status.CREATED;
        shipment.createdAt = now;
        shipment.nextStepAt = now.plus(firstStep);
        shipment.eta = shipment.etaAfter(firstStep);
        shipment.persist();
        return shipment;
    }

    /**
     * A new shipment for a paid order, to be booked with {@code carrier}'s API at once; its tracking number is
     * the waybill the carrier gives it.
     */
    public static Shipment createForCarrier(long orderId, String shopperId, String carrier, DeliveryService service,
                                           Integer weightGrams, Instant now) {
        var shipment = new Shipment();
        shipment.orderId = orderId;
        shipment.shopperId = shopperId;
        shipment.carrier = carrier;
        shipment.service = service;
        shipment.weightGrams = weightGrams;
        shipment.status = Status.CREATED;
        shipment.createdAt = now;
        shipment.booking = CarrierBooking.dueAt(now);
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

    /** Parcels whose carrier is owed a call (a booking or a cancellation), locked, skipping those another replica calls about. */
    public static List<Shipment> dueForCarrierCall(Instant now, int limit) {
        return find("booking.carrierCallDueAt <= ?1 order by booking.carrierCallDueAt", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    /** The parcel {@code carrier} knows under {@code waybill}, locked like every change to a parcel. */
    public static Optional<Shipment> ofWaybillForUpdate(String carrier, String waybill) {
        return find("carrier = ?1 and trackingNumber = ?2", carrier, waybill)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The carrier must be called about this parcel: to book it, or to call off a booked parcel that was cancelled. */
    public boolean needsBooking() {
        return status == Status.CREATED && trackingNumber == null;
    }

    /** A cancelled parcel that was booked, or may have been (a call that failed may have reached the carrier). */
    public boolean needsCallingOff() {
        return status == Status.CANCELLED && booking.api();
    }

    /**
     * The carrier booked the parcel under {@code waybill}, and printed its label at {@code labelUrl} if it did (null:
     * we print it); nothing more is owed it.
     */
    public void booked(String waybill, String labelUrl) {
        if (!needsBooking()) {
            throw new RuleViolation("shipment-not-awaiting-booking", "Shipment " + id + " is " + status
                    + (trackingNumber == null ? "" : " with waybill " + trackingNumber) + "; it is not waiting for a booking");
        }
        trackingNumber = waybill;
        carrierLabelUrl = labelUrl;
        booking.settled();
    }

    /** What it owes its carrier, if the carrier has an API. */
    public CarrierBooking booking() {
        return booking;
    }

    /**
     * The carrier's scan {@code code} at {@code place} ({@code location} in its words), with its new ETA; returns the
     * statuses the parcel passed, in order (several when an earlier scan never came, none for a delay or a scan
     * that does not move it). A parcel never moves back, and one that is final only records the scan.
     */
    public List<Status> track(TrackingCode code, String place, String location, Instant at, Instant newEta) {
        var passed = new ArrayList<Status>();
        Status target = code.reaches().orElse(status);
        if (!status.isFinal() && target != status && (target.ordinal() > status.ordinal())) {
            boolean forward = target.ordinal() <= Status.DELIVERED.ordinal();
            for (int step = forward ? status.ordinal() + 1 : target.ordinal(); step <= target.ordinal(); step++) {
                passed.add(Status.values()[step]);
            }
            status = target;
        }
        eta = status.isFinal() ? null : newEta == null ? eta : newEta;
        scanned(code, place, location, at);
        return passed;
    }

    /** The carrier expects the parcel at {@code newEta} now (a scan it sent before came again with a new forecast). */
    public void reforecast(Instant newEta) {
        if (!status.isFinal()) {
            eta = newEta;
        }
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
        scanned(TrackingCode.of(to), place, location, now);
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
        scanned(TrackingCode.CANCELLED, WAREHOUSE, "Warehouse", now);
        booking.cancelled(trackingNumber != null, now);
        return true;
    }

    /** Recorded whenever it happened; the last scan is the latest one, whatever the order the scans came in. */
    private void scanned(TrackingCode code, String place, String location, Instant at) {
        newTracking.add(new TrackingEvent(id, status.name(), code, place, location, at));
        if (lastScanAt == null || !at.isBefore(lastScanAt)) {
            lastCode = code;
            lastScanAt = at;
        }
    }

    /**
     * The parcels an operator must look at, newest first: lost or returned to the sender, held up by a delay or an
     * exception at their last scan, or a carrier that keeps refusing or failing a call about them.
     */
    public static List<Shipment> needingAttention(int page, int size) {
        return find("status in ?1 or lastCode in ?2 or booking.carrierError is not null", Sort.descending("createdAt"),
                List.of(Status.LOST, Status.RETURNED_TO_SENDER), List.of(TrackingCode.EXCEPTION, TrackingCode.DELAYED))
                .page(Page.of(page, size)).list();
    }

    /** Every parcel, or those in {@code status}, newest first. */
    public static List<Shipment> listed(Status status, int page, int size) {
        var query = status == null ? findAll(Sort.descending("createdAt")) : find("status", Sort.descending("createdAt"), status);
        return query.page(Page.of(page, size)).list();
    }

    public TrackingCode lastCode() {
        return lastCode;
    }

    public Instant lastScanAt() {
        return lastScanAt;
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

    public DeliveryService service() {
        return service;
    }

    public Optional<Integer> weightGrams() {
        return Optional.ofNullable(weightGrams);
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    /** Where the carrier serves the label it printed, if it printed one. */
    public String carrierLabelUrl() {
        return carrierLabelUrl;
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
