package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What a daily check-in earns: {@code basePoints} every day, plus the bonus configured for the day
 * of the streak (the number of consecutive days checked in, today included). With a cycle of N
 * days the bonuses repeat: day N+1 of a streak counts as day 1 again (streak 14 of a 7-day cycle
 * gets day 7's bonus). A day missed starts the streak again at 1.
 */
public record CheckInPolicy(long basePoints, Map<Integer, Long> bonusByStreakDay, int cycleDays) {

    /** What one check-in earns, on which day of the streak. */
    public record Reward(LocalDate day, int streak, long points) {}

    public CheckInPolicy {
        bonusByStreakDay = Map.copyOf(bonusByStreakDay);
        if (basePoints < 0 || cycleDays < 0 || bonusByStreakDay.values().stream().anyMatch(bonus -> bonus < 0)
                || bonusByStreakDay.keySet().stream().anyMatch(day -> day < 1 || cycleDays > 0 && day > cycleDays)) {
            throw new RuleViolation("invalid-check-in-policy",
                    "Check-in points and bonuses are not negative, and bonus days lie within the cycle.");
        }
    }

    /** The check-in of {@code today}, after the shopper's latest earlier one (if any). */
    public Reward rewardFor(LocalDate today, Optional<Reward> latest) {
        int streak = latest.filter(last -> last.day().equals(today.minusDays(1))).map(last -> last.streak() + 1).orElse(1);
        long bonus = bonusByStreakDay.getOrDefault(dayOfCycle(streak), 0L);
        return new Reward(today, streak, Math.addExact(basePoints, bonus));
    }

    /**
     * The streak as it stands on {@code today}: the latest check-in's if it was today or
     * yesterday (the streak can still go on), otherwise 0.
     */
    public int streakOn(LocalDate today, Optional<Reward> latest) {
        return latest.filter(last -> !last.day().isBefore(today.minusDays(1))).map(Reward::streak).orElse(0);
    }

    /**
     * The next check-in the shopper can make: today's if they have not checked in today,
     * otherwise tomorrow's, continuing the streak.
     */
    public Reward nextReward(LocalDate today, Optional<Reward> latest) {
        boolean checkedInToday = latest.filter(last -> last.day().equals(today)).isPresent();
        return checkedInToday ? rewardFor(today.plusDays(1), latest) : rewardFor(today, latest);
    }

    private int dayOfCycle(int streak) {
        return cycleDays == 0 ? streak : (streak - 1) % cycleDays + 1;
    }
}
