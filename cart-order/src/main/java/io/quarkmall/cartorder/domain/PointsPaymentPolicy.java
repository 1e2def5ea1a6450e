package io.quarkmall.cartorder.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;

/**
 * How many points a shopper may use to pay part of an order, and what they take off. Points are
 * worth {@code pointsPerUnit} to one whole currency unit (100 points = ¥1 by default), and may pay
 * at most {@code maxShareBasisPoints} of the goods (5000 = half). Only whole minor units are
 * taken off: points that would buy a fraction of a fen are not used.
 */
public record PointsPaymentPolicy(long pointsPerUnit, int maxShareBasisPoints) {

    /** Points used and the amount they take off; {@link #NONE} when the shopper uses none. */
    public record PointsPayment(long points, long discountMinor) {}

    public static final PointsPayment NONE = new PointsPayment(0, 0);

    public PointsPaymentPolicy {
        if (pointsPerUnit <= 0 || maxShareBasisPoints < 0 || maxShareBasisPoints > 10_000) {
            throw new RuleViolation("points-policy-invalid",
                    "Points per unit must be positive and the share within 0..10000 basis points.");
        }
    }

    /** What {@code requested} points pay of {@code goods}; refuses more than the maximum share. */
    public PointsPayment apply(Money goods, long requested) {
        if (requested < 0) {
            throw new RuleViolation("negative-points", "Points to use cannot be negative: " + requested);
        }
        if (requested == 0) {
            return NONE;
        }
        long maxDiscount = Math.multiplyExact(goods.amountMinor(), (long) maxShareBasisPoints) / 10_000;
        long maxPoints = Math.multiplyExact(maxDiscount, pointsPerUnit) / goods.minorPerUnit();
        if (requested > maxPoints) {
            throw new RuleViolation("points-over-max-share", "Points may pay at most " + maxShareBasisPoints / 100.0
                    + "% of this order: up to " + maxPoints + " points, not " + requested + ".");
        }
        long discount = Math.multiplyExact(requested, goods.minorPerUnit()) / pointsPerUnit;
        if (discount == 0) {
            throw new RuleViolation("points-too-few", requested + " points are worth less than the smallest coin; use at least "
                    + pointsFor(1, goods.minorPerUnit()) + ".");
        }
        return new PointsPayment(pointsFor(discount, goods.minorPerUnit()), discount);
    }

    /** The fewest points that pay {@code discountMinor}: never more than were asked to be used. */
    private long pointsFor(long discountMinor, long minorPerUnit) {
        return Math.ceilDiv(Math.multiplyExact(discountMinor, pointsPerUnit), minorPerUnit);
    }
}
