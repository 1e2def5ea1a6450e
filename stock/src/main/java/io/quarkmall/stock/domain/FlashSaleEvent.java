package io.quarkmall.stock.domain;

import io.quarkmall.common.money.Money;
import java.time.Instant;

/**
 * What stock announces on stock.flashsale.v1 (docs/events/stock.flashsale.v1.schema.json), keyed
 * by ticket (FlashSaleClosed: by sale). The record's name is the event's type.
 */
public sealed interface FlashSaleEvent {

    /** A shopper was admitted to buy one unit at the sale's price: the order side creates the order. */
    record FlashSaleAdmitted(String ticketId, long saleId, String shopperId, String sku, Money price,
                             Instant admittedAt) implements FlashSaleEvent {}

    /**
     * The ticket's unit went back to the sale: its order was cancelled, or it was not paid in time;
     * to the shop (reason ORDER_CANCELLED_AFTER_CLOSE) when the sale had closed.
     */
    record FlashSaleTicketReturned(String ticketId, long saleId, String reason) implements FlashSaleEvent {}

    /**
     * The sale ended and no admitted ticket can still become an order: the units it neither sold
     * nor holds for unpaid orders went back to the shop, from the set-aside in its warehouse.
     */
    record FlashSaleClosed(long saleId, String sku, String warehouse, int quantity, long unitsSold, long unitsHeld,
                           int unitsReturnedToShop) implements FlashSaleEvent {}
}
