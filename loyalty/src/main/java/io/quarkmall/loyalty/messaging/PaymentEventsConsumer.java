package io.quarkmall.loyalty.messaging;

import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.service.EarningService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A successful payment earns points and a refund takes them back, once per event (inbox) and per order (ledger). */
@ApplicationScoped
public class PaymentEventsConsumer {

    /** The fields loyalty reads of payment.v1 payloads (docs/events/payment.v1.schema.json). */
    record Payment(long orderId, String shopperId, Money amount) {}

    private final Inbox inbox;
    private final EarningService earning;

    PaymentEventsConsumer(Inbox inbox, EarningService earning) {
        this.inbox = inbox;
        this.earning = earning;
    }

    @Incoming("payments")
    @Blocking
    public void onPaymentEvent(String message) throws Exception {
        inbox.applyOnce("loyalty.payments", message, Payment.class, (type, payment) -> {
            switch (type) {
                case "PaymentSucceeded" -> earning.creditPaidOrder(payment.shopperId(), payment.orderId(), payment.amount());
                case "PaymentRefunded" -> earning.reverseRefundedOrder(payment.orderId());
                default -> { }
            }
        });
    }
}
