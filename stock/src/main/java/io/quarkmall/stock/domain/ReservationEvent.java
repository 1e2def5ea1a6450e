package io.quarkmall.stock.domain;

import java.util.List;

/**
 * What stock announces on stock.reservation.v1 (docs/events/stock.reservation.v1.schema.json),
 * keyed by order (a low-stock alert by SKU). The record's name is the event's type.
 */
public sealed interface ReservationEvent {

    record Line(String sku, long quantity) {}

    record StockReserved(long orderId, List<Line> lines) implements ReservationEvent {}

    record StockRejected(long orderId, String sku, long requested, long available) implements ReservationEvent {}

    record StockReleased(long orderId) implements ReservationEvent {}

    /** Available units of a SKU in a warehouse fell to its low-stock threshold (once per crossing). */
    record StockLow(String sku, String warehouse, long available, long threshold) implements ReservationEvent {}
}
