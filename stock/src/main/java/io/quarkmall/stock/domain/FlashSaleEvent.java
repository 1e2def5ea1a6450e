package io.quarkmall.stock.domain;

import io.quarkmall.common.money.Money;
import java.time.Instant;

/**
 * What stock announces on stock.flashsale.v1 (docs/events/stock.flashsale.v1.schema.json), keyed
 * by ticket. The record's name is the event's type.
 */
public sealed interface FlashSaleEvent {

    String ticketId();

    /** A shopper was admitted to buy one unit at the sale's price: the order side creates the order. */
    record FlashSaleAdmitted(String ticketId, long saleId, String shopperId, String sku, Money price,
                             Instant admittedAt) implements FlashSaleEvent {}

    /** The ticket's unit went back to the sale: its order was cancelled, or it was not paid in time. */
    record FlashSaleTicketReturned(String ticketId, long saleId, String reason) implements FlashSaleEvent {}
}
