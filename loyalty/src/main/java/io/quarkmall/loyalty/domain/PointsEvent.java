package io.quarkmall.loyalty.domain;

/**
 * What loyalty announces on loyalty.points.v1 (docs/events/loyalty.points.v1.schema.json), keyed
 * by shopper. The record's name is the event's type; {@code balance} is the account's balance
 * right after the change. {@code reason} and {@code reference} are the ledger entry's;
 * {@code orderId} is set when the points are an order's.
 */
public sealed interface PointsEvent {

    String shopperId();

    record PointsCredited(String shopperId, long points, String reason, String reference, Long orderId, long balance)
            implements PointsEvent {}

    /** Points set aside for a placed order (taken from the balance; given back if it is cancelled unpaid). */
    record PointsHeld(String shopperId, long orderId, long points, long balance) implements PointsEvent {}

    /** The balance could not pay the points a placed order asked for: cart-order cancels it. */
    record PointsHoldRefused(String shopperId, long orderId, long points, long balance) implements PointsEvent {}

    record PointsDebited(String shopperId, long points, String reason, String reference, Long orderId, long balance)
            implements PointsEvent {}
}
