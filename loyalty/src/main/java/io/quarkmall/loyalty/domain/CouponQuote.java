package io.quarkmall.loyalty.domain;

import io.quarkmall.common.money.Money;
import java.util.List;

/**
 * What the chosen coupons take off a cart: the totals, each line's discount, each applied
 * coupon's amount split over the lines it covers, and why each other coupon does not apply.
 * {@code line} numbers count the cart's lines from 0, in the order they were given.
 */
public record CouponQuote(Money subtotal, Money discount, Money total, List<LineTotal> lines, List<Applied> applied,
                          List<NotApplied> notApplied) {

    /** Why a chosen coupon takes nothing off this cart. */
    public enum Reason {
        ALREADY_USED, NOT_YET_VALID, EXPIRED, OTHER_CURRENCY, OUT_OF_SCOPE, BELOW_THRESHOLD, NOT_STACKABLE,
        SAME_EXCLUSIVE_GROUP, NOTHING_LEFT
    }

    public record LineTotal(int line, String sku, Money subtotal, Money discount, Money total) {}

    /** The part of one coupon's discount that one line takes. */
    public record Share(int line, String sku, Money amount) {}

    public record Applied(long couponId, String templateName, Money amount, List<Share> lines, String why) {}

    public record NotApplied(long couponId, String templateName, Reason reason, String why) {}

    public CouponQuote {
        lines = List.copyOf(lines);
        applied = List.copyOf(applied);
        notApplied = List.copyOf(notApplied);
    }
}
