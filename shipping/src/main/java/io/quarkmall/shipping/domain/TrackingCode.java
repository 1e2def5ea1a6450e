package io.quarkmall.shipping.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.util.Optional;

/**
 * What a tracking event says happened, in one model whatever the carrier: a carrier adapter maps each
 * of its scan types onto one of these, and readers show the code in their own language (the carrier's
 * text stays as the event's location, for operators). The simulated carrier scans PICKED_UP, IN_TRANSIT
 * and DELIVERED; a parcel stopped in the warehouse is CANCELLED. A carrier's scan may move the parcel on
 * ({@link #reaches()}) or only say how it goes (a delay, an exception on the way).
 */
public enum TrackingCode {
    /** The carrier has taken the parcel. */
    PICKED_UP,
    /** Scanned in at a sorting centre. */
    ARRIVED_AT_SORTING_CENTRE,
    /** Left a hub or sorting centre on the way to the next. */
    IN_TRANSIT,
    /** On the courier's last leg to the recipient. */
    OUT_FOR_DELIVERY,
    /** Handed over at the address. */
    DELIVERED,
    /** Stopped before the carrier took it. */
    CANCELLED,
    /** Held up on the way: the carrier moved the ETA. */
    DELAYED,
    /** Something went wrong on the way (nobody at the address, a damaged label); the carrier tries again. */
    EXCEPTION,
    /** The carrier took the parcel back to the shipper. */
    RETURNED_TO_SENDER,
    /** The carrier lost the parcel. */
    LOST;

    /** The status a parcel reaches with this scan; empty for a scan that does not move it (a delay, an exception). */
    public Optional<Shipment.Status> reaches() {
        return Optional.ofNullable(switch (this) {
            case PICKED_UP -> Shipment.Status.PICKED_UP;
            case ARRIVED_AT_SORTING_CENTRE, IN_TRANSIT, OUT_FOR_DELIVERY -> Shipment.Status.IN_TRANSIT;
            case DELIVERED -> Shipment.Status.DELIVERED;
            case CANCELLED -> Shipment.Status.CANCELLED;
            case RETURNED_TO_SENDER -> Shipment.Status.RETURNED_TO_SENDER;
            case LOST -> Shipment.Status.LOST;
            case DELAYED, EXCEPTION -> null;
        });
    }

    /** The code of the scan that moved a shipment to {@code status}. */
    static TrackingCode of(Shipment.Status status) {
        return switch (status) {
            case PICKED_UP -> PICKED_UP;
            case IN_TRANSIT -> IN_TRANSIT;
            case DELIVERED -> DELIVERED;
            case CANCELLED -> CANCELLED;
            case CREATED, RETURNED_TO_SENDER, LOST -> throw new RuleViolation("not-a-simulated-scan",
                    status + " is not a scan of the simulated carrier");
        };
    }
}
