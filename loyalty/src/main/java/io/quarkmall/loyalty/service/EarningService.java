package io.quarkmall.loyalty.service;

import io.quarkmall.common.lock.AdvisoryLocks;
import io.quarkmall.common.lock.AdvisoryLocks.LockSpace;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.loyalty.config.LoyaltyConfig;
import io.quarkmall.loyalty.domain.EarningPolicy;
import io.quarkmall.loyalty.domain.PointsEvent;
import io.quarkmall.loyalty.domain.PointsEvent.PointsCredited;
import io.quarkmall.loyalty.domain.PointsEvent.PointsDebited;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Credits the points a paid order earns and takes them back if it is refunded, once per order each. */
@ApplicationScoped
public class EarningService {

    private static final LockSpace ACCOUNTS = new LockSpace("points-account");

    private final Outbox outbox;
    private final Clock clock;
    private final LoyaltyConfig config;
    private final AdvisoryLocks locks;

    EarningService(Outbox outbox, Clock clock, LoyaltyConfig config, AdvisoryLocks locks) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.locks = locks;
    }

    /** Returns the points credited: 0 when the order already earned its points or earns none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long creditPaidOrder(String shopperId, long orderId, Money paid) {
        lockAccount(shopperId);
        long points = new EarningPolicy(config.pointsPerUnit()).pointsFor(paid);
        if (points == 0 || PointsLedgerEntry.earnedFor(orderId)) {
            return 0;
        }
        PointsLedgerEntry.earned(shopperId, orderId, points, clock.instant());
        announce(new PointsCredited(shopperId, points, orderId, PointsLedgerEntry.balanceOf(shopperId)));
        return points;
    }

    /**
     * A refunded order gives back the points it earned, once. Returns the points taken back: 0 if
     * it earned none or they were already taken back. No redemption exists yet, so the balance
     * cannot go below what other orders earned.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reverseRefundedOrder(long orderId) {
        var earned = PointsLedgerEntry.of(orderId, PointsLedgerEntry.EARNED_FOR_ORDER);
        if (earned.isEmpty()) {
            return 0;
        }
        String shopperId = earned.get().shopperId();
        lockAccount(shopperId);
        if (PointsLedgerEntry.of(orderId, PointsLedgerEntry.REVERSED_FOR_REFUND).isPresent()) {
            return 0;
        }
        long points = -PointsLedgerEntry.reversal(earned.get(), clock.instant()).points();
        announce(new PointsDebited(shopperId, points, orderId, PointsLedgerEntry.REVERSED_FOR_REFUND,
                PointsLedgerEntry.balanceOf(shopperId)));
        return points;
    }

    /**
     * One writer per account at a time, so the balance each PointsCredited announces is the true
     * sum at that point, in the order the events are published.
     */
    private void lockAccount(String shopperId) {
        locks.lock(ACCOUNTS, shopperId);
    }

    private void announce(PointsEvent event) {
        outbox.record(config.pointsTopic(), event.shopperId(), event);
    }
}
