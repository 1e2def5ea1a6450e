package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;

/**
 * What a coupon takes off, in one currency: a FIXED amount, a PERCENT in basis points (1550 =
 * 15.5%) with an optional cap, or a THRESHOLD amount once what it covers reaches a minimum (¥20
 * off ¥200). Amounts are minor units; a field a kind does not use is 0 (or no cap).
 */
public record CouponTerms(Kind kind, String currency, long amountOffMinor, int percentOffBasisPoints, Long capMinor,
                          long minSubtotalMinor) {

    public enum Kind { FIXED, PERCENT, THRESHOLD }

    /** Basis points in 100%. */
    public static final int WHOLE = 10_000;

    public CouponTerms {
        if (kind == null) {
            throw new RuleViolation("coupon-kind-missing", "A coupon template needs a kind: FIXED, PERCENT or THRESHOLD.");
        }
        requireCurrency(currency);
        if (amountOffMinor < 0 || minSubtotalMinor < 0 || (capMinor != null && capMinor <= 0)) {
            throw new RuleViolation("coupon-amount-negative", "Amounts of a coupon cannot be negative, and a cap must be positive.");
        }
        boolean percent = kind == Kind.PERCENT;
        require(percent == (amountOffMinor == 0), "coupon-amount-off",
                percent ? "A PERCENT coupon takes a percentage off, not an amount." : "A " + kind + " coupon needs an amount off.");
        require(percent ? percentOffBasisPoints >= 1 && percentOffBasisPoints <= WHOLE : percentOffBasisPoints == 0,
                "coupon-percent-off", percent ? "A PERCENT coupon takes 1 to 10000 basis points (0.01% to 100%) off."
                        : "Only a PERCENT coupon takes a percentage off.");
        require(percent || capMinor == null, "coupon-cap", "Only a PERCENT coupon has a cap.");
        boolean threshold = kind == Kind.THRESHOLD;
        require(threshold == (minSubtotalMinor > 0), "coupon-threshold",
                threshold ? "A THRESHOLD coupon needs the subtotal it starts at." : "Only a THRESHOLD coupon has a minimum subtotal.");
        require(!threshold || amountOffMinor <= minSubtotalMinor, "coupon-threshold",
                "A THRESHOLD coupon cannot take off more than the subtotal it starts at.");
    }

    public static CouponTerms fixed(Money off) {
        return new CouponTerms(Kind.FIXED, off.currency(), off.amountMinor(), 0, null, 0);
    }

    public static CouponTerms percent(String currency, int basisPoints, Long capMinor) {
        return new CouponTerms(Kind.PERCENT, currency, 0, basisPoints, capMinor, 0);
    }

    public static CouponTerms threshold(Money off, Money from) {
        return new CouponTerms(Kind.THRESHOLD, off.currency(), off.amountMinor(), 0, null, from.amountMinor());
    }

    /** Whether {@code scopedSubtotalMinor}, what the coupon covers, is enough for it. */
    public boolean reachedBy(long scopedSubtotalMinor) {
        return scopedSubtotalMinor >= minSubtotalMinor;
    }

    /** What the coupon takes off {@code scopedSubtotalMinor} by its terms alone, before what is left to take. */
    public long discountOn(long scopedSubtotalMinor) {
        if (kind != Kind.PERCENT) {
            return amountOffMinor;
        }
        long off = BigInteger.valueOf(scopedSubtotalMinor).multiply(BigInteger.valueOf(percentOffBasisPoints))
                .divide(BigInteger.valueOf(WHOLE)).longValueExact();
        return capMinor == null ? off : Math.min(off, capMinor);
    }

    /** "CNY 20.00 off", "15.5% off, at most CNY 30.00", "CNY 20.00 off CNY 200.00 or more". */
    public String describe() {
        return switch (kind) {
            case FIXED -> show(amountOffMinor, currency) + " off";
            case PERCENT -> BigDecimal.valueOf(percentOffBasisPoints, 2).stripTrailingZeros().toPlainString() + "% off"
                    + (capMinor == null ? "" : ", at most " + show(capMinor, currency));
            case THRESHOLD -> show(amountOffMinor, currency) + " off " + show(minSubtotalMinor, currency) + " or more";
        };
    }

    /** An amount for people: "CNY 20.00". */
    public static String show(long minor, String currency) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return currency + ' ' + BigDecimal.valueOf(minor, digits).toPlainString();
    }

    private static void requireCurrency(String currency) {
        try {
            Currency.getInstance(currency == null ? "" : currency);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("coupon-currency", "Not an ISO-4217 currency code: " + currency);
        }
    }

    private static void require(boolean holds, String type, String detail) {
        if (!holds) {
            throw new RuleViolation(type, detail);
        }
    }
}
