package io.quarkmall.loyalty.messaging;

import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.service.EarningService;
import io.quarkmall.loyalty.service.PointsHolds;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * loyalty follows order.v1 alone: a placed order's points are held, spent when it is paid and
 * given back when it is cancelled or refunded; a paid order earns points and a refunded one gives
 * them back; once per event (inbox) and per order (ledger).
 */
@ApplicationScoped
public class OrderEventsConsumer extends InboxConsumer {

    /** The fields loyalty reads of order.v1 (docs/events/order.v1.schema.json). */
    record OrderPlaced(long orderId, String shopperId, long pointsUsed, Money total) {}

    record OrderPaid(long orderId, String shopperId, Money total) {}

    record OrderCancelled(long orderId) {}

    record OrderRefunded(long orderId, Money amount) {}

    OrderEventsConsumer(Inbox inbox, EarningService earning, PointsHolds holds) {
        super(inbox, EventRoutes.of("loyalty.orders")
                .on(OrderPlaced.class, placed -> {
                    if (placed.pointsUsed() > 0) {
                        holds.hold(placed.orderId(), placed.shopperId(), placed.pointsUsed(), placed.total());
                    }
                })
                .on(OrderPaid.class, paid -> {
                    holds.orderPaid(paid.orderId());
                    earning.creditPaidOrder(paid.shopperId(), paid.orderId(), paid.total());
                })
                .on(OrderCancelled.class, cancelled -> holds.orderCancelled(cancelled.orderId()))
                .on(OrderRefunded.class, refunded -> {
                    holds.orderRefunded(refunded.orderId(), refunded.amount());
                    earning.reverseRefundedOrder(refunded.orderId());
                }));
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        receive(message);
    }
}
