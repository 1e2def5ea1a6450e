package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.CheckInPolicy;
import io.quarkmall.loyalty.domain.CheckInPolicy.Reward;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CheckInPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    /** 5 points a day; day 3 of the 7-day cycle +5, day 7 +20. */
    private static final CheckInPolicy WEEKLY = new CheckInPolicy(5, Map.of(3, 5L, 7, 20L), 7);

    /** The latest earlier check-in ({@code daysAgo}, its streak; null: none) → today's streak and points. */
    record Row(String name, Integer daysAgo, int latestStreak, int streak, long points) {
        @Override
        public String toString() {
            return name;
        }

        Optional<Reward> latest() {
            return daysAgo == null ? Optional.empty() : Optional.of(new Reward(TODAY.minusDays(daysAgo), latestStreak, 0));
        }
    }

    static Stream<Row> rewards() {
        return Stream.of(
                new Row("the first check-in ever starts a streak of 1", null, 0, 1, 5),
                new Row("yesterday's check-in makes day 2", 1, 1, 2, 5),
                new Row("day 3 earns its bonus", 1, 2, 3, 10),
                new Row("day 7 earns the week's bonus", 1, 6, 7, 25),
                new Row("day 8 is day 1 of the next cycle", 1, 7, 8, 5),
                new Row("day 10 is day 3 of the second cycle", 1, 9, 10, 10),
                new Row("day 14 is day 7 of the second cycle", 1, 13, 14, 25),
                new Row("a missed day starts again at 1", 2, 6, 1, 5),
                new Row("a check-in long ago starts again at 1", 40, 30, 1, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewards")
    void a_check_in_earns_the_base_and_the_bonus_of_its_streak_day(Row row) {
        Reward reward = WEEKLY.rewardFor(TODAY, row.latest());

        assertEquals(TODAY, reward.day());
        assertEquals(row.streak(), reward.streak());
        assertEquals(row.points(), reward.points());
    }

    @Test
    void without_a_cycle_a_bonus_day_comes_once_per_streak() {
        var policy = new CheckInPolicy(2, Map.of(10, 50L), 0);

        assertEquals(52, policy.rewardFor(TODAY, Optional.of(new Reward(TODAY.minusDays(1), 9, 2))).points());
        assertEquals(2, policy.rewardFor(TODAY, Optional.of(new Reward(TODAY.minusDays(1), 19, 2))).points());
    }

    @Test
    void the_streak_stands_while_it_can_still_go_on() {
        assertEquals(0, WEEKLY.streakOn(TODAY, Optional.empty()));
        assertEquals(4, WEEKLY.streakOn(TODAY, Optional.of(new Reward(TODAY, 4, 5))));
        assertEquals(3, WEEKLY.streakOn(TODAY, Optional.of(new Reward(TODAY.minusDays(1), 3, 10))));
        assertEquals(0, WEEKLY.streakOn(TODAY, Optional.of(new Reward(TODAY.minusDays(2), 3, 10))));
    }

    @Test
    void the_next_reward_is_todays_until_the_shopper_checks_in_then_tomorrows() {
        assertEquals(new Reward(TODAY, 7, 25), WEEKLY.nextReward(TODAY, Optional.of(new Reward(TODAY.minusDays(1), 6, 5))));
        assertEquals(new Reward(TODAY.plusDays(1), 7, 25), WEEKLY.nextReward(TODAY, Optional.of(new Reward(TODAY, 6, 5))));
        assertEquals(new Reward(TODAY, 1, 5), WEEKLY.nextReward(TODAY, Optional.empty()));
    }

    @Test
    void negative_points_and_bonus_days_outside_the_cycle_are_refused() {
        assertThrows(RuleViolation.class, () -> new CheckInPolicy(-1, Map.of(), 7));
        assertThrows(RuleViolation.class, () -> new CheckInPolicy(5, Map.of(3, -5L), 7));
        assertThrows(RuleViolation.class, () -> new CheckInPolicy(5, Map.of(0, 5L), 7));
        assertThrows(RuleViolation.class, () -> new CheckInPolicy(5, Map.of(8, 5L), 7));
        assertThrows(RuleViolation.class, () -> new CheckInPolicy(5, Map.of(), -1));
    }
}
