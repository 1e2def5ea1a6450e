package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.time.Duration;
import java.time.Instant;

/**
 * When a template's coupons can be used: a fixed window [{@code from}, {@code to}) for every
 * coupon, or {@code daysAfterClaim} days from the moment each one is claimed or issued.
 */
public record Validity(Instant from, Instant to, Integer daysAfterClaim) {

    public static final int MAX_DAYS = 3650;

    /** The time one coupon is valid: from {@code from} (inclusive) until {@code until} (exclusive). */
    public record Window(Instant from, Instant until) {}

    public Validity {
        boolean window = from != null || to != null;
        if (window == (daysAfterClaim != null) || (window && (from == null || to == null))) {
            throw new RuleViolation("coupon-validity-unclear",
                    "A coupon template is valid either from validFrom to validTo, or for validDaysAfterClaim days.");
        }
        if (window && !from.isBefore(to)) {
            throw new RuleViolation("coupon-validity-reversed", "validTo (" + to + ") must come after validFrom (" + from + ").");
        }
        if (!window && (daysAfterClaim < 1 || daysAfterClaim > MAX_DAYS)) {
            throw new RuleViolation("coupon-validity-days", "validDaysAfterClaim is 1 to " + MAX_DAYS + ", not " + daysAfterClaim + ".");
        }
    }

    public static Validity between(Instant from, Instant to) {
        return new Validity(from, to, null);
    }

    public static Validity daysAfterClaim(int days) {
        return new Validity(null, null, days);
    }

    /** A coupon can still be claimed or issued: its window, if fixed, has not ended. */
    public boolean claimableAt(Instant now) {
        return to == null || now.isBefore(to);
    }

    public Window windowFor(Instant claimedAt) {
        return to != null ? new Window(from, to) : new Window(claimedAt, claimedAt.plus(Duration.ofDays(daysAfterClaim)));
    }
}
