package io.quarkmall.loyalty.service;

import io.quarkmall.loyalty.domain.EarningOccasion;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.Posting;
import io.quarkmall.loyalty.domain.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Credits the points a paid order earns and takes them back if it is refunded, once per order each. */
@ApplicationScoped
public class EarningService {

    private final PointsLedger ledger;
    private final RuleEarnings rules;

    EarningService(PointsLedger ledger, RuleEarnings rules) {
        this.ledger = ledger;
        this.rules = rules;
    }

    /**
     * Credits what the PAID rules grant the order at the shopper's tier (with no rules, the
     * EarningPolicy's points). Called before the order counts toward the shopper's spend, so it
     * earns at the tier held before it. Returns the points credited: 0 when the order already
     * earned its points or earns none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long creditPaidOrder(String shopperId, long orderId, Purchase purchase) {
        long points = rules.of(EarningOccasion.PAID, purchase, shopperId).points();
        if (points == 0) {
            return 0;
        }
        return ledger.credit(Posting.forOrder(shopperId, PointsLedgerEntry.EARNED_FOR_ORDER, orderId), points)
                .map(PointsLedgerEntry::points).orElse(0L);
    }

    /**
     * A refunded order gives back the points it earned, once. Returns the points taken back: 0 if
     * it earned none or they were already taken back. Points the shopper has already spent are
     * not taken back beyond the balance (see {@link PointsLedger#takeBack}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reverseRefundedOrder(long orderId) {
        return PointsLedgerEntry.ofOrder(orderId, PointsLedgerEntry.EARNED_FOR_ORDER)
                .flatMap(earned -> ledger.takeBack(earned,
                        Posting.forOrder(earned.shopperId(), PointsLedgerEntry.REVERSED_FOR_REFUND, orderId),
                        earned.points()))
                .map(entry -> -entry.points()).orElse(0L);
    }
}
