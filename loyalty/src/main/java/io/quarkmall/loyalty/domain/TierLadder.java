package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The membership tiers, from the lowest (reached with no spend) up, each with the spend over the
 * last 12 months that reaches it and the multiplier it applies to what its members earn.
 */
public record TierLadder(List<Tier> tiers) {

    /** A tier: its name, the rolling 12-month spend that reaches it, its earning multiplier in basis points. */
    public record Tier(String name, Money threshold, int multiplierBasisPoints) {}

    /** Where a spend stands: its tier and the next one up, if any. */
    public record Standing(Tier tier, Optional<Tier> next) {}

    public TierLadder {
        if (tiers.isEmpty()) {
            throw new RuleViolation("invalid-tiers", "At least one tier is configured.");
        }
        tiers = tiers.stream().sorted(Comparator.comparingLong(tier -> tier.threshold().amountMinor())).toList();
        String currency = tiers.get(0).threshold().currency();
        if (tiers.get(0).threshold().amountMinor() != 0
                || tiers.stream().anyMatch(tier -> !tier.threshold().currency().equals(currency))) {
            throw new RuleViolation("invalid-tiers", "The lowest tier starts at 0 and all thresholds share one currency.");
        }
        if (tiers.stream().anyMatch(tier -> tier.multiplierBasisPoints() < 0)
                || tiers.stream().map(tier -> tier.threshold().amountMinor()).distinct().count() != tiers.size()) {
            throw new RuleViolation("invalid-tiers", "Tier multipliers are not negative and no two tiers share a threshold.");
        }
    }

    /** The currency spend is counted in. */
    public String currency() {
        return tiers.get(0).threshold().currency();
    }

    public Standing standingOf(long spendMinor) {
        Tier reached = tiers.get(0);
        for (Tier tier : tiers) {
            if (tier.threshold().amountMinor() <= spendMinor) {
                reached = tier;
            }
        }
        int index = tiers.indexOf(reached);
        return new Standing(reached, index + 1 < tiers.size() ? Optional.of(tiers.get(index + 1)) : Optional.empty());
    }
}
