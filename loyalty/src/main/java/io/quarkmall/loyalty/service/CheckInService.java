package io.quarkmall.loyalty.service;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.config.CheckInConfig;
import io.quarkmall.loyalty.domain.CheckIn;
import io.quarkmall.loyalty.domain.CheckInPolicy;
import io.quarkmall.loyalty.domain.CheckInPolicy.Reward;
import io.quarkmall.loyalty.domain.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The daily check-in: one reward per shopper and calendar day, in one short transaction (read the
 * latest check-in, insert today's under its unique index, credit the points).
 */
@ApplicationScoped
public class CheckInService {

    /** The ledger reason of a check-in's points; the reference is the day (2026-11-27). */
    public static final String CHECKED_IN = "CHECKED_IN";

    /** Where a shopper stands today: checked in or not, the streak, and what the next check-in earns. */
    public record CheckInStatus(LocalDate today, boolean checkedInToday, int streak, Reward next) {}

    private final CheckInPolicy policy;
    private final CheckInConfig config;
    private final PointsLedger ledger;
    private final Clock clock;

    CheckInService(CheckInConfig config, PointsLedger ledger, Clock clock) {
        this.policy = new CheckInPolicy(config.basePoints(), bonuses(config.streakBonus()), config.cycleDays());
        this.config = config;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Checks the shopper in for today; refuses with {@code already-checked-in} (409) if they did, changing nothing. */
    @Transactional
    public Reward checkIn(String shopperId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        Optional<Reward> latest = CheckIn.latestOf(shopperId, today);
        if (latest.filter(last -> last.day().equals(today)).isPresent()) {
            throw alreadyCheckedIn(today);
        }
        Reward reward = policy.rewardFor(today, latest);
        if (!CheckIn.recordOnce(shopperId, reward, now)) {
            throw alreadyCheckedIn(today);
        }
        if (reward.points() > 0) {
            ledger.creditNew(Posting.of(shopperId, CHECKED_IN, today.toString()), reward.points());
        }
        return reward;
    }

    @Transactional
    public CheckInStatus statusOf(String shopperId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), config.zone());
        Optional<Reward> latest = CheckIn.latestOf(shopperId, today);
        boolean checkedInToday = latest.filter(last -> last.day().equals(today)).isPresent();
        return new CheckInStatus(today, checkedInToday, policy.streakOn(today, latest), policy.nextReward(today, latest));
    }

    private static RuleViolation alreadyCheckedIn(LocalDate today) {
        return new RuleViolation("already-checked-in", "You have already checked in today (" + today + "); come back tomorrow.");
    }

    private static Map<Integer, Long> bonuses(Map<String, Long> byDay) {
        return byDay.entrySet().stream().collect(Collectors.toMap(day -> Integer.valueOf(day.getKey()), Map.Entry::getValue));
    }
}
