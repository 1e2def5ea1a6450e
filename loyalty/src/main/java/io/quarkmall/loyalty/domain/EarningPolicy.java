package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;

/**
 * How many points a paid order earns: a fixed number per whole currency unit paid (1 by
 * default: ¥199.99 earns 199 points). Points are earned on payment, so the shopper sees them at
 * once; a refund takes them back.
 */
public record EarningPolicy(long pointsPerUnit) {

    public EarningPolicy {
        if (pointsPerUnit < 0) {
            throw new RuleViolation("negative-earning-rate", "Points per unit cannot be negative: " + pointsPerUnit);
        }
    }

    public long pointsFor(Money paid) {
        return Math.multiplyExact(paid.wholeUnits(), pointsPerUnit);
    }
}
