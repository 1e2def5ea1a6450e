package io.quarkmall.shipping.domain;

import io.quarkmall.common.domain.RuleViolation;

/**
 * What a tracking event says happened, in one model whatever the carrier: a carrier adapter maps each
 * of its scan types onto one of these, and readers show the code in their own language (the carrier's
 * text stays as the event's location, for operators). The sandbox carrier scans PICKED_UP, IN_TRANSIT
 * and DELIVERED; a parcel stopped in the warehouse is CANCELLED.
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
    CANCELLED;

    /** The code of the scan that moved a shipment to {@code status}. */
    static TrackingCode of(Shipment.Status status) {
        return switch (status) {
            case PICKED_UP -> PICKED_UP;
            case IN_TRANSIT -> IN_TRANSIT;
            case DELIVERED -> DELIVERED;
            case CANCELLED -> CANCELLED;
            case CREATED -> throw new RuleViolation("not-a-carrier-scan", "CREATED is not a carrier scan");
        };
    }
}
