package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;

/** How many coupons of a template one shopper may hold, and how many may be handed out in all. */
public record ClaimLimits(int perShopper, int total) {

    public ClaimLimits {
        if (perShopper < 1 || total < 1 || perShopper > total) {
            throw new RuleViolation("coupon-limits", "Limits are at least 1, and one shopper's (" + perShopper
                    + ") cannot exceed the total (" + total + ").");
        }
    }
}
