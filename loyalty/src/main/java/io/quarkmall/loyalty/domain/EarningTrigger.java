package io.quarkmall.loyalty.domain;

/** The event of an order on which an earning rule grants its points. */
public enum EarningTrigger {
    /** The order was paid (order.v1 OrderPaid). */
    PAID,
    /** The shopper confirmed receipt or the receipt window passed (order.v1 OrderCompleted). */
    COMPLETED,
    /** A rule's number of days after the order completed, when it can no longer be returned. */
    RETURN_WINDOW_CLOSED
}
