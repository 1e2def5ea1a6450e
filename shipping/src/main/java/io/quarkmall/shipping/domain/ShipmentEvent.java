package io.quarkmall.shipping.domain;

import io.quarkmall.common.domain.RuleViolation;

/**
 * What shipping announces on shipping.shipment.v1 (docs/events/shipping.shipment.v1.schema.json),
 * keyed by order. The record's name is the event's type.
 */
public sealed interface ShipmentEvent {

    long orderId();

    record ShipmentCreated(long orderId, long shipmentId, String carrier, String trackingNumber)
            implements ShipmentEvent {}

    record ShipmentPickedUp(long orderId, long shipmentId, String location) implements ShipmentEvent {}

    record ShipmentInTransit(long orderId, long shipmentId, String location) implements ShipmentEvent {}

    record ShipmentDelivered(long orderId, long shipmentId, String location) implements ShipmentEvent {}

    record ShipmentCancelled(long orderId, long shipmentId) implements ShipmentEvent {}

    /** The carrier's scan that moved {@code shipment} to its present status at {@code location}. */
    static ShipmentEvent scanned(Shipment shipment, String location) {
        long orderId = shipment.orderId();
        long id = shipment.id();
        return switch (shipment.status()) {
            case PICKED_UP -> new ShipmentPickedUp(orderId, id, location);
            case IN_TRANSIT -> new ShipmentInTransit(orderId, id, location);
            case DELIVERED -> new ShipmentDelivered(orderId, id, location);
            case CREATED, CANCELLED -> throw new RuleViolation("not-a-carrier-scan", shipment.status() + " is not a carrier scan");
        };
    }
}
