package io.quarkmall.loyalty.domain;

import java.util.List;

/**
 * What loyalty announces on loyalty.coupons.v1 (docs/events/loyalty.coupons.v1.schema.json), keyed
 * by order: whether a placed order's coupons (order.v1 OrderPlaced.couponIds) could be used. The
 * record's name is the event's type; cart-order reads it alone.
 */
public sealed interface CouponEvent {

    long orderId();

    /** The order's coupons are USED by it (until it is cancelled): it may be paid once the rest is in too. */
    record CouponsUsed(long orderId, String shopperId, List<Long> couponIds) implements CouponEvent {}

    /** One of the coupons could not be used (used by another order meanwhile, expired...); none was: cart-order cancels it. */
    record CouponsRefused(long orderId, String shopperId, String reason) implements CouponEvent {}
}
