package io.quarkmall.shipping.messaging;

import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.shipping.service.ShipmentService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A paid order is shipped, once however often its payment is announced. */
@ApplicationScoped
public class PaymentEventsConsumer {

    /** The fields shipping reads of payment.v1 payloads (docs/events/payment.v1.schema.json). */
    record Payment(long orderId, String shopperId) {}

    private final Inbox inbox;
    private final ShipmentService shipments;

    PaymentEventsConsumer(Inbox inbox, ShipmentService shipments) {
        this.inbox = inbox;
        this.shipments = shipments;
    }

    @Incoming("payments")
    @Blocking
    public void onPaymentEvent(String message) throws Exception {
        inbox.applyOnce("shipping.payments", message, Payment.class, (type, payment) -> {
            if (type.equals("PaymentSucceeded")) {
                shipments.shipPaidOrder(payment.orderId(), payment.shopperId());
            }
        });
    }
}
