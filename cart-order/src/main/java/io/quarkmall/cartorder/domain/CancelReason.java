package io.quarkmall.cartorder.domain;

/** Why an order was cancelled (order.v1 OrderCancelled.reason). */
public enum CancelReason {
    STOCK_REJECTED, POINTS_REFUSED, COUPONS_REFUSED, PAYMENT_FAILED, UNPAID_TIMEOUT, SHOPPER_CANCELLED
}
