package io.quarkmall.cartorder.domain;

import io.quarkmall.common.money.Money;

/**
 * Whether a shopper may redeem {@code quantity} units of a SKU, and for what: the points it costs in
 * all and the money a unit costs. Pure: the caller has serialised the shopper's checkouts, so what
 * the shopper has redeemed stays true until it commits.
 */
public final class RedemptionPolicy {

    public sealed interface Decision permits Allow, Refuse {}

    /** Redeem for {@code points} in all and {@code unitCash} a unit in money. */
    public record Allow(long points, Money unitCash) implements Decision {}

    /** Why not, as a stable problem type and a detail that says what to do. */
    public record Refuse(String type, String detail) implements Decision {}

    private RedemptionPolicy() {
    }

    /** {@code redeemedBefore}: the units of this SKU the shopper's orders not cancelled have redeemed. */
    public static Decision decide(RedemptionTerms terms, int quantity, long redeemedBefore) {
        Integer limit = terms.limitPerShopper();
        if (limit != null && redeemedBefore + quantity > limit) {
            return new Refuse("redemption-limit-reached", ("One shopper may redeem at most %d of this item; you have "
                    + "redeemed %d and ask for %d more.").formatted(limit, redeemedBefore, quantity));
        }
        try {
            long points = Math.multiplyExact(terms.points(), quantity);
            Math.multiplyExact(terms.cash().amountMinor(), quantity);
            return new Allow(points, terms.cash());
        } catch (ArithmeticException tooLarge) {
            return new Refuse("redemption-too-large", "%d units of this item cost more points or money than an order "
                    .formatted(quantity) + "can hold; redeem fewer.");
        }
    }
}
