package io.quarkmall.stock.messaging;

import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.stock.domain.ReservePolicy.Line;
import io.quarkmall.stock.service.ReservationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * stock's part of the checkout saga: an order placed holds its stock, a payment confirms it, a
 * failed payment or a cancelled order releases it. Each event is applied at most once (inbox),
 * in one transaction with its effect and the events it causes (outbox). A message that cannot be
 * read goes to the channel's dead-letter topic and the others carry on.
 */
@ApplicationScoped
public class SagaEventsConsumer {

    /** The fields stock reads of order.v1 and payment.v1 payloads (docs/events/). */
    record LineItem(String sku, long quantity) {}

    record SagaPayload(long orderId, List<LineItem> lines) {}

    private final Inbox inbox;
    private final ReservationService reservations;

    SagaEventsConsumer(Inbox inbox, ReservationService reservations) {
        this.inbox = inbox;
        this.reservations = reservations;
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        inbox.applyOnce("stock.orders", message, SagaPayload.class, (type, order) -> {
            switch (type) {
                case "OrderPlaced" -> reservations.reserve(order.orderId(),
                        order.lines().stream().map(l -> new Line(l.sku(), l.quantity())).toList());
                case "OrderCancelled" -> reservations.release(order.orderId());
                default -> { } // other order events change no stock
            }
        });
    }

    @Incoming("payments")
    @Blocking
    public void onPaymentEvent(String message) throws Exception {
        inbox.applyOnce("stock.payments", message, SagaPayload.class, (type, payment) -> {
            switch (type) {
                case "PaymentSucceeded" -> reservations.confirm(payment.orderId());
                case "PaymentFailed" -> reservations.release(payment.orderId());
                default -> { }
            }
        });
    }
}
