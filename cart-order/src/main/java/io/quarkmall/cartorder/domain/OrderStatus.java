package io.quarkmall.cartorder.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    /** What a shopper may do with an order in this status. */
    public Set<OrderAction> actions() {
        var actions = EnumSet.noneOf(OrderAction.class);
        if (this == STOCK_RESERVED) {
            actions.add(OrderAction.PAY);
        }
        if (cancellableByShopper()) {
            actions.add(OrderAction.CANCEL);
        }
        if (this == DELIVERED) {
            actions.add(OrderAction.CONFIRM_RECEIPT);
        }
        if (this == SHIPPED || this == DELIVERED || this == COMPLETED) {
            actions.add(OrderAction.TRACK);
        }
        return actions;
    }

    public boolean isBefore(OrderStatus other) {
        return HAPPY_PATH.indexOf(this) < HAPPY_PATH.indexOf(other);
    }
}
