package io.quarkmall.shipping.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.util.ArrayList;
import java.util.List;

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

    /** The carrier reported a delay, an exception, a return to the sender or a loss ({@code code}: a TrackingCode). */
    record ShipmentDisrupted(long orderId, long shipmentId, String code, String location) implements ShipmentEvent {}

    /** The carrier's scan that moved {@code shipment} to its present status at {@code location}. */
    static ShipmentEvent scanned(Shipment shipment, String location) {
        return reached(shipment, shipment.status(), location);
    }

    /**
     * What a carrier's scan {@code code} says: one event for each status it {@code passed}, and a disruption for a
     * delay, an exception, a return or a loss; a scan on the way that moves nothing is announced in transit again,
     * and a late scan of a parcel that has stopped is not announced.
     */
    static List<ShipmentEvent> tracked(Shipment shipment, List<Shipment.Status> passed, TrackingCode code, String location) {
        var events = new ArrayList<ShipmentEvent>();
        passed.stream().filter(status -> !status.isFinal() || status == Shipment.Status.DELIVERED)
                .forEach(status -> events.add(reached(shipment, status, location)));
        boolean stillMoving = !passed.isEmpty() || !shipment.status().isFinal(); // a late scan of a parcel that stopped says nothing
        switch (code) {
            case DELAYED, EXCEPTION, RETURNED_TO_SENDER, LOST -> {
                if (stillMoving) {
                    events.add(new ShipmentDisrupted(shipment.orderId(), shipment.id(), code.name(), location));
                }
            }
            default -> {
                if (passed.isEmpty() && shipment.status() == Shipment.Status.IN_TRANSIT) {
                    events.add(new ShipmentInTransit(shipment.orderId(), shipment.id(), location));
                }
            }
        }
        return events;
    }

    private static ShipmentEvent reached(Shipment shipment, Shipment.Status status, String location) {
        long orderId = shipment.orderId();
        long id = shipment.id();
        return switch (status) {
            case PICKED_UP -> new ShipmentPickedUp(orderId, id, location);
            case IN_TRANSIT -> new ShipmentInTransit(orderId, id, location);
            case DELIVERED -> new ShipmentDelivered(orderId, id, location);
            case CREATED, CANCELLED, RETURNED_TO_SENDER, LOST ->
                    throw new RuleViolation("not-a-carrier-scan", status + " is not announced as a scan");
        };
    }
}
