package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.domain.RuleViolation;
import java.util.OptionalDouble;

/** How much of what a SKU had over a period it sold: units sold / (units sold + units left at the end). */
public record SellThrough(long unitsSold, long endingOnHand) {

    public SellThrough {
        if (unitsSold < 0 || endingOnHand < 0) {
            throw new RuleViolation("units-negative",
                    "Units sold (" + unitsSold + ") and left (" + endingOnHand + ") cannot be negative");
        }
    }

    /** From 0 (nothing sold) to 1 (nothing left); none when there was nothing to sell. */
    public OptionalDouble rate() {
        long had = Math.addExact(unitsSold, endingOnHand);
        return had == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) unitsSold / had);
    }
}
