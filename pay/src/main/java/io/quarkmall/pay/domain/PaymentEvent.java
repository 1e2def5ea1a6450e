package io.quarkmall.pay.domain;

import io.quarkmall.common.money.Money;

/**
 * What pay announces on payment.v1 (docs/events/payment.v1.schema.json), keyed by order; only
 * cart-order follows it, and announces the order's next step on order.v1. The record's name is
 * the event's type.
 */
public sealed interface PaymentEvent {

    long orderId();

    record PaymentSucceeded(long orderId, long paymentId, String channel, Money amount, String shopperId)
            implements PaymentEvent {}

    record PaymentFailed(long orderId, long paymentId, String reason, String shopperId) implements PaymentEvent {}

    /** {@code refundReference}: the refund's own reference (after-sales-&lt;id&gt; for an after-sales request). */
    record PaymentRefunded(long orderId, long paymentId, Money amount, String refundReference) implements PaymentEvent {}

    /**
     * A refund asked for was not made, for good: the channel refused it (REFUSED_BY_CHANNEL), or an
     * after-sales refund found no payment (NO_PAYMENT) or nothing left of it to give back (NOTHING_LEFT).
     */
    record PaymentRefundDeclined(long orderId, String refundReference, String reason) implements PaymentEvent {}

    /** The outcome of an attempt at the gateway. */
    static PaymentEvent outcomeOf(Payment payment, PayableOrder order) {
        return payment.status() == Payment.Status.CAPTURED
                ? new PaymentSucceeded(order.orderId(), payment.id(), payment.channel(), payment.amount(),
                        order.shopperId())
                : new PaymentFailed(order.orderId(), payment.id(), payment.failureReason(), order.shopperId());
    }
}
