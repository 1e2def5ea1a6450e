package io.quarkmall.loyalty.messaging;

import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.Purchase;
import io.quarkmall.loyalty.service.CouponCheckoutService;
import io.quarkmall.loyalty.service.OrderRewards;
import io.quarkmall.loyalty.service.PointsHolds;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * loyalty follows order.v1 alone: a placed order's points are held, spent when it is paid and
 * given back when it is cancelled or refunded; its coupons are used, and returned when it is
 * cancelled; a paid order earns points by the rules (and the first one its bonuses; an exchange's
 * replacement earns nothing, nor counts toward the spend), a completed
 * one what the COMPLETED rules grant, and a refunded one gives its points back (see OrderRewards);
 * once per event (inbox) and per order (ledger, coupon uses).
 */
@ApplicationScoped
public class OrderEventsConsumer extends InboxConsumer {

    /** The fields loyalty reads of order.v1 (docs/events/order.v1.schema.json). */
    record OrderPlaced(long orderId, String shopperId, long pointsUsed, Money total, List<Long> couponIds) {
        OrderPlaced {
            couponIds = couponIds == null ? List.of() : List.copyOf(couponIds);
        }
    }

    /** {@code replacementFor}: set on an exchange's replacement, which earns nothing (its goods were paid for before). */
    record OrderPaid(long orderId, String shopperId, Money total, List<Line> lines, Long replacementFor) {
        List<Purchase.Line> purchased() {
            return lines == null ? List.of()
                    : lines.stream().map(line -> new Purchase.Line(line.sku(), line.quantity(), line.unitPrice())).toList();
        }
    }

    record Line(String sku, int quantity, Money unitPrice) {}

    record OrderCompleted(long orderId) {}

    record OrderCancelled(long orderId) {}

    record OrderRefunded(long orderId, String shopperId, Money amount) {}

    OrderEventsConsumer(Inbox inbox, OrderRewards rewards, PointsHolds holds, CouponCheckoutService coupons) {
        super(inbox, EventRoutes.of("loyalty.orders")
                .on(OrderPlaced.class, placed -> {
                    if (placed.pointsUsed() > 0) {
                        holds.hold(placed.orderId(), placed.shopperId(), placed.pointsUsed(), placed.total());
                    }
                    coupons.orderPlaced(placed.orderId(), placed.shopperId(), placed.couponIds());
                })
                .on(OrderPaid.class, (paid, at) -> {
                    if (paid.replacementFor() == null) {
                        rewards.paid(paid.orderId(), paid.shopperId(), paid.total(), paid.purchased(), at);
                    }
                })
                .on(OrderCompleted.class, (completed, at) -> rewards.completed(completed.orderId(), at))
                .on(OrderCancelled.class, cancelled -> {
                    holds.orderCancelled(cancelled.orderId());
                    coupons.returnForOrder(cancelled.orderId());
                })
                .on(OrderRefunded.class, refunded ->
                        rewards.refunded(refunded.orderId(), refunded.shopperId(), refunded.amount())));
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        receive(message);
    }
}
