package io.quarkmall.cartorder.loyalty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkmall.common.money.Money;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The fields cart-order reads of loyalty's answer to {@code POST /api/loyalty/coupons/quote}
 * (docs/api/loyalty.coupon-quote.schema.json): the cart's subtotal, what the coupons take off in
 * all, each applied coupon with what it takes off and why, each other one with why not.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CouponQuote(Money subtotal, Money discount, List<Applied> applied, List<NotApplied> notApplied) {

    /** A cart line as loyalty weighs it. cart-order knows no categories, so no CATEGORY coupon covers its lines. */
    public record Line(String sku, int quantity, Money unitPrice) {}

    /** What cart-order asks: the cart and the shopper's coupons, in the order they should apply. */
    public record Request(List<Line> lines, List<Long> couponIds) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Applied(long couponId, String templateName, Money amount, String why) {}

    /** {@code reason}: a stable code (EXPIRED, ALREADY_USED, OUT_OF_SCOPE, BELOW_THRESHOLD...); {@code why}, for people. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotApplied(long couponId, String templateName, String reason, String why) {}

    /** What cart-order reads of loyalty's problem+json answers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Refusal(String type, String detail) {}

    /**
     * Why this answer to a quote of {@code couponIds} on {@code lines} cannot be taken as it is, or
     * null: each coupon asked about is answered once, the subtotal is the cart's, and the discount is
     * what the applied coupons take, each something, in all no more than the cart.
     */
    String flawFor(List<Line> lines, List<Long> couponIds) {
        if (subtotal == null || discount == null || applied == null || notApplied == null) {
            return "fields missing";
        }
        List<Long> answered = Stream.concat(applied.stream().map(Applied::couponId), notApplied.stream().map(NotApplied::couponId))
                .sorted().toList();
        if (!answered.equals(couponIds.stream().sorted().toList())) {
            return "it answers coupons " + answered + " for " + couponIds;
        }
        Money cart = lines.stream().map(line -> line.unitPrice().times(line.quantity())).reduce(Money::plus).orElseThrow();
        if (!cart.equals(subtotal)) {
            return "subtotal " + subtotal + " for a cart of " + cart;
        }
        if (applied.stream().anyMatch(a -> a.amount() == null || a.amount().amountMinor() == 0
                || !a.amount().currency().equals(cart.currency()) || a.templateName() == null || a.why() == null)) {
            return "an applied coupon without an amount in " + cart.currency() + ", a name or a reason";
        }
        long taken = applied.stream().mapToLong(a -> a.amount().amountMinor()).reduce(0, Math::addExact);
        if (taken != discount.amountMinor() || taken > cart.amountMinor() || !Objects.equals(discount.currency(), cart.currency())) {
            return "discount " + discount + " of coupons taking " + taken + " off " + cart;
        }
        return null;
    }
}
