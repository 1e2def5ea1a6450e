package io.quarkmall.pay;

import static org.awaitility.Awaitility.await;

import io.quarkmall.pay.domain.PayableOrder;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;

/** Orders awaiting payment, announced to pay as cart-order does (OrderAwaitingPayment on pay's test topic). */
final class PayableOrders {

    static final String ORDERS = "test.pay.order.v1";

    private PayableOrders() {
    }

    /** A new order of {@code user} for {@code amountMinor} CNY fen, once pay has recorded it as payable. */
    static long of(String user, long amountMinor) {
        long orderId = SagaEvents.newOrderId();
        SagaEvents.publish(ORDERS, "OrderAwaitingPayment", orderId, """
                {"orderId":%d,"shopperId":"%s","total":{"amountMinor":%d,"currency":"CNY"}}"""
                .formatted(orderId, Tokens.subjectOf(user), amountMinor));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> PayableOrder.findByIdOptional(orderId).isPresent()));
        return orderId;
    }
}
