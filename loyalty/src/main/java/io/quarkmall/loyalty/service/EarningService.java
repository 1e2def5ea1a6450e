package io.quarkmall.loyalty.service;

import io.quarkmall.loyalty.domain.EarningOccasion;
import io.quarkmall.loyalty.domain.PaidOrder;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.Posting;
import io.quarkmall.loyalty.domain.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Credits the points a paid order earns, once, and takes them back as it is refunded, in proportion. */
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
     * A refund takes back the points the order earned in proportion to the money given back so far
     * ({@code paid}'s refunded share; all of them once it is wholly refunded, or when loyalty kept no
     * record of the order), less what earlier refunds took back: one entry per refund. Points the
     * shopper has already spent are not taken back beyond the balance (see {@link PointsLedger#takeBack}).
     * Returns the points taken back now: 0 if the order earned none or they are taken back already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reverseRefundedOrder(long orderId, Optional<PaidOrder> paid) {
        var earned = PointsLedgerEntry.ofOrder(orderId, PointsLedgerEntry.EARNED_FOR_ORDER);
        if (earned.isEmpty()) {
            return 0;
        }
        long due = paid.map(order -> order.refundedShareOf(earned.get().points())).orElse(earned.get().points());
        long takenBack = -PointsLedgerEntry.sumOfOrder(orderId, PointsLedgerEntry.REVERSED_FOR_REFUND);
        if (due <= takenBack) {
            return 0;
        }
        String reference = "order:" + orderId + paid.map(order -> ":refunded:" + order.refundedMinor()).orElse("");
        return ledger.takeBack(earned.get(), new Posting(earned.get().shopperId(), PointsLedgerEntry.REVERSED_FOR_REFUND,
                        reference, orderId), due - takenBack)
                .map(entry -> -entry.points()).orElse(0L);
    }
}
