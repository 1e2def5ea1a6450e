package io.quarkmall.loyalty.domain;

/**
 * What loyalty announces on loyalty.points.v1 (docs/events/loyalty.points.v1.schema.json), keyed
 * by shopper. The record's name is the event's type; {@code balance} is the account's balance
 * right after the change.
 */
public sealed interface PointsEvent {

    String shopperId();

    record PointsCredited(String shopperId, long points, long orderId, long balance) implements PointsEvent {}

    record PointsDebited(String shopperId, long points, long orderId, String reason, long balance)
            implements PointsEvent {}
}
