package io.quarkmall.cartorder.domain;

import io.quarkmall.common.money.Money;
import java.util.List;

/**
 * A coupon taking part of an order's goods off, as loyalty computed it at checkout: the coupon,
 * its template's name, why it applies and what it takes off.
 */
public record AppliedCoupon(long couponId, String name, String why, Money amount) {

    /** What {@code coupons} take off in all, in {@code currency}. */
    public static Money totalOf(List<AppliedCoupon> coupons, String currency) {
        Money total = Money.zero(currency);
        for (AppliedCoupon coupon : coupons) {
            total = total.plus(coupon.amount());
        }
        return total;
    }
}
