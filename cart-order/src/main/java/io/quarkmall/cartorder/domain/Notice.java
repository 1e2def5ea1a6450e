package io.quarkmall.cartorder.domain;

/**
 * What a shopper is told of: a timeline step that names one of these becomes a message in their
 * message centre and, unless they turned email off, an email in their language. The code is what
 * the storefront and the templates translate; a step naming none (a payment attempt, a parcel being
 * packed) is on the order's timeline only.
 */
public enum Notice {
    /** Stock is held: the order may be paid now, until its deadline. */
    AWAITING_PAYMENT,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    /** Money went back (its amount on the step). */
    REFUNDED,
    /** An after-sales request was approved: the money is on its way back. */
    AFTER_SALES_APPROVED,
    /** A return was approved: the shopper is to send the goods back. */
    AFTER_SALES_RETURN_APPROVED,
    /** The merchant received the goods sent back. */
    AFTER_SALES_RETURN_RECEIVED,
    AFTER_SALES_REJECTED,
    /** A return never sent back in time closed the request. */
    AFTER_SALES_EXPIRED,
    /** An exchange's returned goods arrived: the replacement order is on its way. */
    AFTER_SALES_REPLACEMENT_PLACED,
    /** pay could not give the money back: the mall's staff are on it. */
    AFTER_SALES_NOT_REFUNDED
}
