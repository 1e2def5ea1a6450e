package io.quarkmall.loyalty.service;

import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.PaidOrder;
import io.quarkmall.loyalty.domain.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What order.v1 means for a shopper's points: a paid order is kept (for tiers and later rules),
 * earns its points and, if it is the shopper's first, the first-order and referral bonuses; a
 * completed order earns what the COMPLETED rules grant; a refund takes the order's points back,
 * its amount out of the shopper's spend and, in full, the bonuses of a first order. Each once per
 * event (inbox) and per order, under the shopper's activity lock, taken before their account's so
 * that the two are always taken in one order.
 */
@ApplicationScoped
public class OrderRewards {

    private final ShopperLocks locks;
    private final PointsHolds holds;
    private final ActivityService activities;
    private final EarningService earning;
    private final LaterEarnings later;

    OrderRewards(ShopperLocks locks, PointsHolds holds, ActivityService activities, EarningService earning,
                 LaterEarnings later) {
        this.locks = locks;
        this.holds = holds;
        this.activities = activities;
        this.earning = earning;
        this.later = later;
    }

    /**
     * The points the order used are spent; the order earns at the tier its shopper held before
     * it, so it is kept (and counts toward the spend) only after its points are credited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paid(long orderId, String shopperId, Money total, List<Purchase.Line> lines, Instant paidAt) {
        locks.lockActivities(shopperId);
        holds.orderPaid(orderId);
        if (PaidOrder.findByIdOptional(orderId).isPresent()) {
            return;
        }
        boolean first = !activities.paidBefore(shopperId);
        earning.creditPaidOrder(shopperId, orderId, new Purchase(total, lines, paidAt));
        PaidOrder.keep(orderId, shopperId, total, lines, paidAt);
        if (first) {
            activities.firstOrderPaid(shopperId, orderId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(long orderId, Instant completedAt) {
        PaidOrder.<PaidOrder>findByIdOptional(orderId)
                .filter(order -> order.completed(completedAt))
                .ifPresent(later::completed);
    }

    /**
     * A refund returns the share of the points the order used, no longer counts as spend, takes
     * back the same share of the points the order earned and, once it is wholly refunded, the
     * bonuses of a first order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(long orderId, String shopperId, Money amount) {
        locks.lockActivities(shopperId);
        holds.orderRefunded(orderId, amount);
        Optional<PaidOrder> paid = PaidOrder.findByIdOptional(orderId);
        paid.ifPresent(order -> {
            order.refunded(amount);
            if (order.whollyRefunded()) {
                activities.paidOrderRefunded(order.shopperId(), orderId);
            }
        });
        earning.reverseRefundedOrder(orderId, paid);
    }
}
