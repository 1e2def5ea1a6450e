package io.quarkmall.cartorder.domain;

import java.util.List;

/** Where an order is. The happy path runs in declaration order; CANCELLED ends it early. */
public enum OrderStatus {
    PENDING, STOCK_RESERVED, PAID, FULFILLING, SHIPPED, DELIVERED, COMPLETED, CANCELLED;

    public static final List<OrderStatus> HAPPY_PATH = List.of(PENDING, STOCK_RESERVED, PAID, FULFILLING, SHIPPED,
            DELIVERED, COMPLETED);

    /** Placed and not yet paid nor cancelled: the order holds (or is about to hold) stock. */
    public static final List<OrderStatus> UNPAID = List.of(PENDING, STOCK_RESERVED);

    /** Before shipping, a shopper may still cancel: nothing has left the warehouse. */
    public boolean cancellableByShopper() {
        return this == PENDING || this == STOCK_RESERVED || this == PAID || this == FULFILLING;
    }

    public boolean isBefore(OrderStatus other) {
        return HAPPY_PATH.indexOf(this) < HAPPY_PATH.indexOf(other);
    }
}
