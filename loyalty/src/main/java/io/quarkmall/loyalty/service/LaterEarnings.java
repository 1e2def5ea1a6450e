package io.quarkmall.loyalty.service;

import io.quarkmall.loyalty.config.EarningRulesConfig;
import io.quarkmall.loyalty.domain.EarningOccasion;
import io.quarkmall.loyalty.domain.EarningRule;
import io.quarkmall.loyalty.domain.PaidOrder;
import io.quarkmall.loyalty.domain.Posting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The points rules grant after payment: on completion (OrderCompleted), and when a return window
 * of N days after completion closes (a scheduled pass on the injected clock). A window's rules act
 * on the orders whose window closes after the oldest of them was created: a new rule does not
 * reach back into windows that closed before it existed.
 */
@ApplicationScoped
public class LaterEarnings {

    /** Ledger reasons of these grants; the reference is the order (order:42, order:42:7d). */
    public static final String EARNED_ON_COMPLETION = "EARNED_ON_COMPLETION";
    public static final String EARNED_AFTER_RETURN_WINDOW = "EARNED_AFTER_RETURN_WINDOW";

    private final RuleEarnings rules;
    private final PointsLedger ledger;
    private final EarningRulesConfig config;
    private final Clock clock;

    LaterEarnings(RuleEarnings rules, PointsLedger ledger, EarningRulesConfig config, Clock clock) {
        this.rules = rules;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    /** The order has just completed: the COMPLETED rules grant their points. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(PaidOrder order) {
        long points = rules.of(EarningOccasion.COMPLETED, order.purchase(), order.shopperId()).points();
        if (points > 0) {
            ledger.credit(Posting.forOrder(order.shopperId(), EARNED_ON_COMPLETION, order.orderId()), points);
        }
    }

    @Scheduled(every = "${quarkmall.loyalty.earning-rules.scan-interval:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settleOnSchedule() {
        settleClosedReturnWindows();
    }

    /**
     * Settles every return window that has closed by now and was not settled yet, one batch of
     * orders per transaction; returns how many order windows it settled.
     */
    public int settleClosedReturnWindows() {
        var windows = QuarkusTransaction.requiringNew().call(EarningRule::returnWindows);
        int settled = 0;
        for (var window : windows) {
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> settleBatch(window.days(), window.since()));
                settled += batch;
            } while (batch == config.scanBatch());
        }
        return settled;
    }

    private int settleBatch(int days, Instant ruleSince) {
        Duration window = Duration.ofDays(days);
        Instant now = clock.instant();
        var due = PaidOrder.awaitingReturnWindow(days, ruleSince.minus(window), now.minus(window), config.scanBatch());
        for (PaidOrder order : due) {
            long points = rules.of(EarningOccasion.returnWindowClosed(days), order.purchase(), order.shopperId()).points();
            if (order.returnWindowClosed(days, points, now) && points > 0) {
                ledger.credit(new Posting(order.shopperId(), EARNED_AFTER_RETURN_WINDOW,
                        "order:" + order.orderId() + ":" + days + "d", order.orderId()), points);
            }
        }
        return due.size();
    }
}
