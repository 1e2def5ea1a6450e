package io.quarkmall.pay.messaging;

import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.common.money.Money;
import io.quarkmall.pay.service.PaymentService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * An order whose stock is held becomes payable; a cancelled one stops being payable (and is refunded if paid);
 * an approved after-sales request is refunded.
 */
@ApplicationScoped
public class OrderEventsConsumer extends InboxConsumer {

    /** The fields pay reads of order.v1 (docs/events/order.v1.schema.json). */
    record OrderAwaitingPayment(long orderId, String shopperId, Money total) {}

    record OrderCancelled(long orderId) {}

    record OrderRefundApproved(long orderId, Money amount, String refundReference) {}

    OrderEventsConsumer(Inbox inbox, PaymentService payments) {
        super(inbox, EventRoutes.of("pay.orders")
                .on(OrderAwaitingPayment.class, order -> payments.awaitPayment(order.orderId(), order.shopperId(),
                        order.total()))
                .on(OrderCancelled.class, order -> payments.orderCancelled(order.orderId()))
                .on(OrderRefundApproved.class, approved -> payments.refundApproved(approved.orderId(),
                        approved.amount(), approved.refundReference())));
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        receive(message);
    }
}
