package io.quarkmall.loyalty.messaging;

import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.service.EarningService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * loyalty follows order.v1 alone: a paid order earns points and a refunded one gives them back,
 * once per event (inbox) and per order (ledger).
 */
@ApplicationScoped
public class OrderEventsConsumer extends InboxConsumer {

    /** The fields loyalty reads of order.v1 (docs/events/order.v1.schema.json). */
    record OrderPaid(long orderId, String shopperId, Money total) {}

    record OrderRefunded(long orderId) {}

    OrderEventsConsumer(Inbox inbox, EarningService earning) {
        super(inbox, EventRoutes.of("loyalty.orders")
                .on(OrderPaid.class, paid -> earning.creditPaidOrder(paid.shopperId(), paid.orderId(), paid.total()))
                .on(OrderRefunded.class, refunded -> earning.reverseRefundedOrder(refunded.orderId())));
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        receive(message);
    }
}
