package io.quarkmall.pay.messaging;

import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.money.Money;
import io.quarkmall.pay.service.PaymentService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** An order whose stock is held becomes payable; a cancelled one stops being payable (and is refunded if paid). */
@ApplicationScoped
public class OrderEventsConsumer {

    /** The fields pay reads of order.v1 payloads (docs/events/order.v1.schema.json). */
    record Order(long orderId, String shopperId, Money total) {}

    private final Inbox inbox;
    private final PaymentService payments;

    OrderEventsConsumer(Inbox inbox, PaymentService payments) {
        this.inbox = inbox;
        this.payments = payments;
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        inbox.applyOnce("pay.orders", message, Order.class, (type, order) -> {
            switch (type) {
                case "OrderAwaitingPayment" -> payments.awaitPayment(order.orderId(), order.shopperId(), order.total());
                case "OrderCancelled" -> payments.orderCancelled(order.orderId());
                default -> { }
            }
        });
    }
}
