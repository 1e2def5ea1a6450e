package io.quarkmall.loyalty.service;

import io.quarkmall.loyalty.domain.PointsLot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Expires lots whose validity has ended, on a schedule, one shopper per transaction, so that a
 * failure for one account never holds back the others. Spending also expires the spender's due
 * lots first, so a run that has not come yet never lets expired points be spent.
 */
@ApplicationScoped
public class PointsExpiry {

    private static final Logger LOG = Logger.getLogger(PointsExpiry.class);
    private static final int ACCOUNTS_PER_BATCH = 100;

    private final PointsLedger ledger;
    private final Clock clock;

    PointsExpiry(PointsLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Scheduled(every = "${quarkmall.loyalty.expiry-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        long expired = expireDue();
        if (expired > 0) {
            LOG.infof("expired %d points", expired);
        }
    }

    /** Expires every lot due by now; returns the points expired. */
    public long expireDue() {
        long expired = 0;
        List<String> shoppers;
        do {
            shoppers = QuarkusTransaction.requiringNew().call(
                    () -> PointsLot.shoppersWithLotsDue(clock.instant(), ACCOUNTS_PER_BATCH));
            for (String shopper : shoppers) {
                expired += QuarkusTransaction.requiringNew().call(() -> ledger.expire(shopper));
            }
        } while (shoppers.size() == ACCOUNTS_PER_BATCH);
        return expired;
    }
}
