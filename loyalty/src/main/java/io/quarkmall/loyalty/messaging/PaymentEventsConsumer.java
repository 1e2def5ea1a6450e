package io.quarkmall.loyalty.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.outbox.EventEnvelope;
import io.quarkmall.loyalty.service.EarningService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A successful payment earns points, once per event (inbox) and once per order (ledger). */
@ApplicationScoped
public class PaymentEventsConsumer {

    /** The fields loyalty reads of a PaymentSucceeded payload (docs/events/payment.v1.schema.json). */
    record PaymentSucceeded(long orderId, String shopperId, Money amount) {}

    private final ObjectMapper json;
    private final Inbox inbox;
    private final EarningService earning;

    PaymentEventsConsumer(ObjectMapper json, Inbox inbox, EarningService earning) {
        this.json = json;
        this.inbox = inbox;
        this.earning = earning;
    }

    @Incoming("payments")
    @Blocking
    public void onPaymentEvent(String message) throws Exception {
        EventEnvelope event = json.readValue(message, EventEnvelope.class);
        if (!"PaymentSucceeded".equals(event.type())) {
            return;
        }
        PaymentSucceeded paid = json.treeToValue(event.payload(), PaymentSucceeded.class);
        QuarkusTransaction.requiringNew().run(() -> {
            if (inbox.firstDelivery("loyalty.payments", event.eventId())) {
                earning.creditPaidOrder(paid.shopperId(), paid.orderId(), paid.amount());
            }
        });
    }
}
