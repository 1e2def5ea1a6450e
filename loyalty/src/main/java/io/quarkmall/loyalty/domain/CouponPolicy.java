package io.quarkmall.loyalty.domain;

import static io.quarkmall.loyalty.domain.CouponTerms.show;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.CouponQuote.Applied;
import io.quarkmall.loyalty.domain.CouponQuote.NotApplied;
import io.quarkmall.loyalty.domain.CouponQuote.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of the coupons a shopper chose apply to a cart, and what each takes off which line.
 * <ul>
 * <li>Every coupon must be the shopper's own: another's (or one that does not exist) refuses the
 * whole quote ({@code coupon-not-yours}), since the shopper cannot have chosen it.</li>
 * <li>The others are taken in the order chosen. One applies if it is unused, valid now, in the
 * cart's currency, covers at least one line, its threshold is reached by the subtotal of the lines
 * it covers (at list price), and it stacks with every coupon applied before it: a coupon that is
 * not stackable combines with none, and one coupon per exclusive group.</li>
 * <li>A percentage is of the covered lines' list-price subtotal. A coupon never takes more than
 * its lines have left after the coupons before it, so no line and no total goes below zero; its
 * amount is split over its lines in proportion to what each has left ({@link DiscountSplit}).</li>
 * </ul>
 */
public final class CouponPolicy {

    /** One cart line; {@code categoryId} may be unknown (null), and then no CATEGORY coupon covers it. */
    public record Line(String sku, String categoryId, int quantity, Money unitPrice) {
        public Line {
            if (sku == null || sku.isBlank() || quantity < 1 || unitPrice == null) {
                throw new RuleViolation("cart-line-invalid", "A cart line needs a SKU, a quantity of at least 1 and a unit price.");
            }
        }

        long subtotalMinor() {
            return Math.multiplyExact(unitPrice.amountMinor(), quantity);
        }
    }

    /** A coupon as the policy weighs it: its owner, its template's rules and its own validity and use. */
    public record Candidate(long couponId, String ownerId, String templateName, CouponTerms terms, CouponScope scope,
                            Stacking stacking, Instant validFrom, Instant expiresAt, boolean used) {}

    private CouponPolicy() {
    }

    public static CouponQuote quote(String shopperId, Instant now, List<Line> lines, List<Candidate> chosen) {
        var cart = new QuotedCart(lines);
        requireOwnDistinct(shopperId, chosen);
        var applied = new ArrayList<Applied>();
        var appliedCoupons = new ArrayList<Candidate>();
        var notApplied = new ArrayList<NotApplied>();
        for (Candidate coupon : chosen) {
            int[] covered = cart.coveredBy(coupon.scope());
            long scoped = cart.subtotalOf(covered);
            var refused = refusal(coupon, now, cart.currency(), covered.length, scoped, appliedCoupons);
            if (refused.isEmpty()) {
                long wanted = coupon.terms().discountOn(scoped);
                long amount = Math.min(wanted, cart.leftOn(covered));
                if (amount > 0) {
                    appliedCoupons.add(coupon);
                    applied.add(new Applied(coupon.couponId(), coupon.templateName(), cart.money(amount),
                            cart.take(covered, amount), why(coupon, scoped, wanted, amount)));
                    continue;
                }
                refused = Optional.of(notApplied(coupon, Reason.NOTHING_LEFT, "The lines it covers have nothing left to discount."));
            }
            notApplied.add(refused.get());
        }
        return cart.quote(applied, notApplied);
    }

    /** For coupons applied to an order without a quote: refuses a set that does not stack. */
    public static void requireStackable(List<Candidate> coupons) {
        for (int i = 0; i < coupons.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (coupons.get(i).stacking().conflictWith(coupons.get(j).stacking()).isPresent()) {
                    throw new RuleViolation("coupons-do-not-stack", "Coupons " + coupons.get(j).couponId() + " and "
                            + coupons.get(i).couponId() + " cannot be used together.");
                }
            }
        }
    }

    private static void requireOwnDistinct(String shopperId, List<Candidate> chosen) {
        for (Candidate coupon : chosen) {
            if (!coupon.ownerId().equals(shopperId)) {
                throw notYours(coupon.couponId());
            }
        }
        if (chosen.stream().map(Candidate::couponId).distinct().count() != chosen.size()) {
            throw new RuleViolation("coupon-chosen-twice", "Each coupon can be chosen once.");
        }
    }

    /** The same answer for another shopper's coupon and one that does not exist: neither may be probed. */
    public static RuleViolation notYours(long couponId) {
        return new RuleViolation("coupon-not-yours", "Coupon " + couponId + " is not in your wallet.");
    }

    private static Optional<NotApplied> refusal(Candidate coupon, Instant now, String currency, int coveredLines,
                                                long scoped, List<Candidate> applied) {
        CouponTerms terms = coupon.terms();
        if (coupon.used()) {
            return Optional.of(notApplied(coupon, Reason.ALREADY_USED, "It is already used by an order."));
        }
        if (now.isBefore(coupon.validFrom())) {
            return Optional.of(notApplied(coupon, Reason.NOT_YET_VALID, "It is valid from " + coupon.validFrom() + "."));
        }
        if (!now.isBefore(coupon.expiresAt())) {
            return Optional.of(notApplied(coupon, Reason.EXPIRED, "It expired at " + coupon.expiresAt() + "."));
        }
        if (!terms.currency().equals(currency)) {
            return Optional.of(notApplied(coupon, Reason.OTHER_CURRENCY,
                    "It is for " + terms.currency() + " and this cart is in " + currency + "."));
        }
        if (coveredLines == 0) {
            return Optional.of(notApplied(coupon, Reason.OUT_OF_SCOPE, "No line of this cart is in " + coupon.scope().describe() + "."));
        }
        if (!terms.reachedBy(scoped)) {
            return Optional.of(notApplied(coupon, Reason.BELOW_THRESHOLD, show(scoped, currency) + " of " + coupon.scope().describe()
                    + " is " + show(terms.minSubtotalMinor() - scoped, currency) + " short of " + show(terms.minSubtotalMinor(), currency) + "."));
        }
        for (Candidate other : applied) {
            var conflict = coupon.stacking().conflictWith(other.stacking());
            if (conflict.isPresent()) {
                return Optional.of(notApplied(coupon, conflict.get(), conflict.get() == Reason.NOT_STACKABLE
                        ? "It cannot be combined with coupon " + other.couponId() + " (" + other.templateName() + "): one of them does not stack."
                        : "Coupon " + other.couponId() + " (" + other.templateName() + ") of the same group '"
                                + other.stacking().exclusiveGroup() + "' already applies."));
            }
        }
        return Optional.empty();
    }

    private static NotApplied notApplied(Candidate coupon, Reason reason, String why) {
        return new NotApplied(coupon.couponId(), coupon.templateName(), reason, why);
    }

    private static String why(Candidate coupon, long scoped, long wanted, long amount) {
        String currency = coupon.terms().currency();
        String why = coupon.terms().describe() + " on " + coupon.scope().describe() + " (" + show(scoped, currency) + " in scope)";
        return amount < wanted ? why + "; only " + show(amount, currency) + " was left to discount on those lines." : why + ".";
    }
}
