package io.quarkmall.stock.domain;

import java.util.List;

/**
 * What stock announces on stock.reservation.v1 (docs/events/stock.reservation.v1.schema.json),
 * keyed by order. The record's name is the event's type.
 */
public sealed interface ReservationEvent {

    long orderId();

    record Line(String sku, long quantity) {}

    record StockReserved(long orderId, List<Line> lines) implements ReservationEvent {}

    record StockRejected(long orderId, String sku, long requested, long available) implements ReservationEvent {}

    record StockReleased(long orderId) implements ReservationEvent {}
}
