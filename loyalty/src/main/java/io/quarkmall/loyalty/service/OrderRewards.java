package io.quarkmall.loyalty.service;

import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.PaidOrder;
import io.quarkmall.loyalty.domain.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What order.v1 means for a shopper's points: a paid order is kept (for tiers and later rules),
 * earns its points and, if it is the shopper's first, the first-order and referral bonuses; a
 * completed order earns what the COMPLETED rules grant; a refund takes the order's points back and
 * its amount out of the shopper's spend. Each once per event (inbox) and per order.
 */
@ApplicationScoped
public class OrderRewards {

    private final ShopperLocks locks;
    private final ActivityService activities;
    private final EarningService earning;
    private final LaterEarnings later;

    OrderRewards(ShopperLocks locks, ActivityService activities, EarningService earning, LaterEarnings later) {
        this.locks = locks;
        this.activities = activities;
        this.earning = earning;
        this.later = later;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void paid(long orderId, String shopperId, Money total, List<Purchase.Line> lines, Instant paidAt) {
        locks.lockActivities(shopperId);
        boolean first = !activities.paidBefore(shopperId);
        if (PaidOrder.recordOnce(orderId, shopperId, total, lines, paidAt).isEmpty()) {
            return;
        }
        earning.creditPaidOrder(shopperId, orderId, total);
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(long orderId, Money amount) {
        PaidOrder.<PaidOrder>findByIdOptional(orderId).ifPresent(order -> order.refunded(amount));
        earning.reverseRefundedOrder(orderId);
    }
}
