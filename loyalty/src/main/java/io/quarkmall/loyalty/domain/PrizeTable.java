package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.util.List;
import java.util.Optional;

/**
 * The odds of a lottery: each prize's weight in the order the operator listed them, then the weight
 * of "no prize". A roll in [0, total weight) lands on the prize whose stretch holds it. The weights
 * are fixed when the campaign is created and never change, so the published odds are the odds of
 * landing on each prize; whether a landed prize is given is {@link PrizePool}'s rule.
 */
public record PrizeTable(List<Slot> prizes, long noPrizeWeight) {

    /** One prize as drawn: its id, its weight and its value in points-equivalent. */
    public record Slot(long prizeId, long weight, long value) {}

    public PrizeTable {
        prizes = List.copyOf(prizes);
        if (prizes.isEmpty()) {
            throw new RuleViolation("lottery-without-prizes", "A lottery needs at least one prize");
        }
        if (noPrizeWeight < 0) {
            throw new RuleViolation("negative-weight", "The weight of no prize cannot be negative: " + noPrizeWeight);
        }
        for (Slot slot : prizes) {
            if (slot.weight() <= 0) {
                throw new RuleViolation("non-positive-weight", "Prize " + slot.prizeId() + " needs a positive weight, not "
                        + slot.weight());
            }
        }
    }

    public long totalWeight() {
        return prizes.stream().mapToLong(Slot::weight).reduce(noPrizeWeight, Math::addExact);
    }

    /** The prize whose stretch holds {@code roll}, or empty for the stretch of no prize at the end. */
    public Optional<Slot> landOn(long roll) {
        if (roll < 0 || roll >= totalWeight()) {
            throw new RuleViolation("roll-out-of-range", "A roll must lie in [0, " + totalWeight() + "), not " + roll);
        }
        long upTo = 0;
        for (Slot slot : prizes) {
            upTo += slot.weight();
            if (roll < upTo) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    /**
     * The outcome of draw {@code sequence}: the roll from the seed, the prize it lands on, and
     * whether the pool can still give it (taking it from the pool if so). The live draw and the
     * proof's verification both come through here.
     */
    public Optional<Slot> draw(byte[] seed, long campaignId, long sequence, String participant, PrizePool pool) {
        long roll = DrawRandomness.roll(seed, campaignId, sequence, participant, totalWeight());
        return pool.give(landOn(roll));
    }
}
