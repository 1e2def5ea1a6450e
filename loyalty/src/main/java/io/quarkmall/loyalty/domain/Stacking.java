package io.quarkmall.loyalty.domain;

import io.quarkmall.loyalty.domain.CouponQuote.Reason;
import java.util.Optional;

/**
 * Whether a coupon combines with others on one order: a coupon that is not {@code stackable}
 * combines with none, and of the coupons sharing an {@code exclusiveGroup} at most one applies.
 */
public record Stacking(boolean stackable, String exclusiveGroup) {

    public Stacking {
        exclusiveGroup = exclusiveGroup == null || exclusiveGroup.isBlank() ? null : exclusiveGroup.strip();
    }

    /** Why this coupon cannot join {@code applied}, a coupon that already applies; empty if it can. */
    public Optional<Reason> conflictWith(Stacking applied) {
        if (!stackable || !applied.stackable) {
            return Optional.of(Reason.NOT_STACKABLE);
        }
        if (exclusiveGroup != null && exclusiveGroup.equals(applied.exclusiveGroup)) {
            return Optional.of(Reason.SAME_EXCLUSIVE_GROUP);
        }
        return Optional.empty();
    }
}
