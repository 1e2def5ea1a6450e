package io.quarkmall.cartorder.domain;

/**
 * What a shopper may do with an order in its present status. The order view carries them, so a
 * client shows the buttons the order allows instead of restating these rules.
 */
public enum OrderAction {
    /** Stock is held and the order awaits payment. */
    PAY,
    /** Nothing has left the warehouse yet. */
    CANCEL,
    /** Delivered and not yet completed. */
    CONFIRM_RECEIPT,
    /** The parcel is with the carrier (or was): its tracking can be followed. */
    TRACK,
    /** Shipped, delivered or completed within the after-sales window, with money left to give back: ask for it. */
    REQUEST_REFUND
}
