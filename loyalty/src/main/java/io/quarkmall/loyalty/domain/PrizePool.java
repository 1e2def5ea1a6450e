package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.PrizeTable.Slot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a lottery has left to give: each prize's stock and the budget, in points-equivalent (the sum
 * of the values of the prizes given may never exceed it).
 *
 * <p>The rule for a draw that lands on a prize the pool cannot give (none of it left in stock, or
 * worth more than the budget left) is that the draw wins nothing: it falls through to "no prize".
 * It is never redrawn and the weights stay as published, so no prize's odds grow as others run out.
 */
public final class PrizePool {

    private final Map<Long, Long> stockLeft;
    private long budgetLeft;

    /** {@code stockLeft}: units left per prize id. */
    public PrizePool(Map<Long, Long> stockLeft, long budgetLeft) {
        if (budgetLeft < 0 || stockLeft.values().stream().anyMatch(units -> units < 0)) {
            throw new RuleViolation("negative-pool", "Stock and budget left cannot be negative");
        }
        this.stockLeft = new HashMap<>(stockLeft);
        this.budgetLeft = budgetLeft;
    }

    /** The landed prize if the pool can give it, now taken from the stock and the budget; otherwise empty. */
    public Optional<Slot> give(Optional<Slot> landed) {
        if (landed.isEmpty() || !canGive(landed.get())) {
            return Optional.empty();
        }
        Slot prize = landed.get();
        stockLeft.merge(prize.prizeId(), -1L, Long::sum);
        budgetLeft -= prize.value();
        return landed;
    }

    private boolean canGive(Slot prize) {
        return stockLeft.getOrDefault(prize.prizeId(), 0L) > 0 && prize.value() <= budgetLeft;
    }

    public long stockLeft(long prizeId) {
        return stockLeft.getOrDefault(prizeId, 0L);
    }

    public long budgetLeft() {
        return budgetLeft;
    }
}
