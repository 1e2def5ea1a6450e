package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.TierLadder;
import io.quarkmall.loyalty.domain.TierLadder.Tier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierLadderTest {

    private static final Tier MEMBER = new Tier("MEMBER", new Money(0, "CNY"), 10_000);
    private static final Tier SILVER = new Tier("SILVER", new Money(200_000, "CNY"), 12_000);
    private static final Tier GOLD = new Tier("GOLD", new Money(1_000_000, "CNY"), 15_000);
    /** Given in any order: the ladder sorts by threshold. */
    private static final TierLadder LADDER = new TierLadder(List.of(GOLD, MEMBER, SILVER));

    @ParameterizedTest(name = "{0} fen of spend: {1}, next {2}")
    @CsvSource({
            "0, MEMBER, SILVER",
            "199999, MEMBER, SILVER",
            "200000, SILVER, GOLD",
            "999999, SILVER, GOLD",
            "1000000, GOLD, ",
            "50000000, GOLD, "})
    void a_spend_reaches_the_highest_tier_whose_threshold_it_meets(long spend, String tier, String next) {
        var standing = LADDER.standingOf(spend);

        assertEquals(tier, standing.tier().name());
        assertEquals(Optional.ofNullable(next), standing.next().map(Tier::name));
    }

    @Test
    void a_ladder_starts_at_zero_in_one_currency_with_distinct_thresholds_and_no_negative_multiplier() {
        assertThrows(RuleViolation.class, () -> new TierLadder(List.of()));
        assertThrows(RuleViolation.class, () -> new TierLadder(List.of(SILVER, GOLD)));
        assertThrows(RuleViolation.class, () -> new TierLadder(List.of(MEMBER, new Tier("USD", new Money(100, "USD"), 10_000))));
        assertThrows(RuleViolation.class, () -> new TierLadder(List.of(MEMBER, new Tier("TWIN", new Money(0, "CNY"), 10_000))));
        assertThrows(RuleViolation.class, () -> new TierLadder(List.of(new Tier("M", new Money(0, "CNY"), -1))));
    }
}
