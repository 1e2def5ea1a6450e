package io.quarkmall.loyalty.service;

import io.quarkmall.common.money.Money;
import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.loyalty.config.LoyaltyConfig;
import io.quarkmall.loyalty.domain.PointsEvent;
import io.quarkmall.loyalty.domain.PointsEvent.PointsHeld;
import io.quarkmall.loyalty.domain.PointsEvent.PointsHoldRefused;
import io.quarkmall.loyalty.domain.PointsHold;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Points paying part of an order, following the order's one voice on order.v1: held when it is
 * placed (or refused if the balance is short), spent when it is paid, given back when it is
 * cancelled unpaid, returned in proportion to the money refunded after payment. Every step locks
 * the shopper's account first, so holds racing for one balance never overspend it.
 */
@ApplicationScoped
public class PointsHolds {

    private final PointsLedger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final LoyaltyConfig config;

    PointsHolds(PointsLedger ledger, Outbox outbox, Clock clock, LoyaltyConfig config) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** Holds {@code points} for a placed order; announces PointsHeld, or PointsHoldRefused if the balance is short. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(long orderId, String shopperId, long points, Money money) {
        var account = ledger.lock(shopperId);
        if (PointsHold.ofOrder(orderId).isPresent()) {
            return;
        }
        ledger.expire(shopperId);
        Instant now = clock.instant();
        if (account.balance() < points) {
            PointsHold.refused(orderId, shopperId, points, money, now).persist();
            announce(new PointsHoldRefused(shopperId, orderId, points, account.balance()));
            return;
        }
        ledger.debit(Posting.forOrder(shopperId, PointsHold.HELD_FOR_ORDER, orderId), points);
        account.hold(points);
        PointsHold.held(orderId, shopperId, points, money, now).persist();
        announce(new PointsHeld(shopperId, orderId, points, account.balance()));
    }

    /** The order was paid: its held points are spent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderPaid(long orderId) {
        PointsHold.lock(orderId).ifPresent(hold -> {
            var account = ledger.lock(hold.shopperId());
            if (hold.spend(clock.instant())) {
                account.endHold(hold.points());
            }
        });
    }

    /**
     * The order was cancelled: held points go back to the lots they came from. Points of an order
     * paid wholly with points go back too, as no money refund will come for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderCancelled(long orderId) {
        PointsHold.lock(orderId).ifPresent(hold -> {
            var account = ledger.lock(hold.shopperId());
            Instant now = clock.instant();
            if (hold.release(now)) {
                account.endHold(hold.points());
                giveBack(hold, PointsHold.RELEASED_FROM_HOLD, "order:" + orderId, hold.points());
            } else if (hold.money().amountMinor() == 0) {
                giveBack(hold, PointsHold.RETURNED_FOR_REFUND, "order:" + orderId + ":cancelled", hold.returnAll(now));
            }
        });
    }

    /** Money was refunded after payment: the same share of the points goes back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderRefunded(long orderId, Money amount) {
        PointsHold.lock(orderId).ifPresent(hold -> {
            ledger.lock(hold.shopperId());
            long returning = hold.refund(amount, clock.instant());
            giveBack(hold, PointsHold.RETURNED_FOR_REFUND, "order:" + orderId + ":returned:" + hold.returnedPoints(),
                    returning);
        });
    }

    private void giveBack(PointsHold hold, String reason, String reference, long points) {
        if (points <= 0) {
            return;
        }
        var held = PointsLedgerEntry.find(hold.shopperId(), PointsHold.HELD_FOR_ORDER, "order:" + hold.orderId())
                .orElseThrow();
        ledger.giveBack(held, new Posting(hold.shopperId(), reason, reference, hold.orderId()), points);
    }

    private void announce(PointsEvent event) {
        outbox.record(config.pointsTopic(), event.shopperId(), event);
    }
}
