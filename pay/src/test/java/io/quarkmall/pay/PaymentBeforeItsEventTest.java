package io.quarkmall.pay;

import static io.quarkmall.pay.PaymentFlowTest.eventsOf;
import static io.quarkmall.pay.PaymentFlowTest.pay;
import static io.quarkmall.pay.PaymentFlowTest.payAtOnce;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.pay.domain.PayableOrder;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * cart-order shows an order as awaiting payment as soon as its stock is held; its
 * OrderAwaitingPayment may reach pay later, or not yet at all. The shopper can pay at once anyway:
 * pay asks cart-order (here its contract-checked stub), as the shopper, about an order it has not heard of.
 */
@QuarkusTest
@WithTestResource(value = CartOrderStub.class, scope = TestResourceScope.GLOBAL)
class PaymentBeforeItsEventTest {

    private static final String ORDERS = "test.pay.order.v1";
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");

    private static String awaitingPaymentEvent(long orderId, long amountMinor) {
        return SagaEvents.publish(ORDERS, "OrderAwaitingPayment", orderId, """
                {"orderId":%d,"shopperId":"%s","total":{"amountMinor":%d,"currency":"CNY"}}"""
                .formatted(orderId, Tokens.subjectOf("shopper"), amountMinor));
    }

    /** pay's consumer has applied the event (its inbox holds the event id). */
    private static boolean applied(String envelope) {
        var eventId = EVENT_ID.matcher(envelope);
        assertTrue(eventId.find());
        return QuarkusTransaction.requiringNew().call(() -> ((Number) PayableOrder.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE consumer = 'pay.orders' AND event_id = ?1")
                .setParameter(1, UUID.fromString(eventId.group(1))).getSingleResult()).longValue() == 1);
    }

    private static PayableOrder.Status payableStatus(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> PayableOrder.<PayableOrder>findById(orderId).status());
    }

    private static long paymentsOf(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.count("orderId", orderId));
    }

    @Test
    void an_order_cart_order_shows_awaiting_payment_is_paid_before_its_event_reaches_pay() {
        long orderId = SagaEvents.newOrderId();
        CartOrderStub.holds(orderId, Tokens.subjectOf("shopper"), "STOCK_RESERVED", 3_300);

        pay("shopper", orderId, "tok_sandbox_success").then().statusCode(201)
                .body("status", equalTo("CAPTURED")).body("amount.amountMinor", equalTo(3_300));
        assertEquals(PayableOrder.Status.PAID, payableStatus(orderId));
        assertEquals(1, eventsOf(orderId).stream().filter(e -> e.contains("\"PaymentSucceeded\"")).count());

        String late = awaitingPaymentEvent(orderId, 3_300);
        await().atMost(Duration.ofSeconds(20)).until(() -> applied(late));
        assertEquals(PayableOrder.Status.PAID, payableStatus(orderId), "the late event changes nothing");
        pay("shopper", orderId, "tok_sandbox_success").then().statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/order-already-paid"));
        assertEquals(1, paymentsOf(orderId));
    }

    @Test
    void twenty_payments_racing_the_event_of_an_order_pay_has_not_heard_of_charge_it_once() throws Exception {
        long orderId = SagaEvents.newOrderId();
        CartOrderStub.holds(orderId, Tokens.subjectOf("shopper"), "STOCK_RESERVED", 1_800);
        var event = new AtomicReference<String>();
        List<Integer> statuses = payAtOnce(orderId, 20, () -> event.set(awaitingPaymentEvent(orderId, 1_800)));
        assertEquals(1, Collections.frequency(statuses, 201));
        assertEquals(19, Collections.frequency(statuses, 409));
        String envelope = event.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> applied(envelope));
        assertEquals(PayableOrder.Status.PAID, payableStatus(orderId));
        assertEquals(1, paymentsOf(orderId));
    }

    @Test
    void an_order_cart_order_does_not_have_is_404_and_nothing_is_recorded() {
        long orderId = SagaEvents.newOrderId();
        pay("shopper", orderId, "tok_sandbox_success").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/payable-order-not-found"));
        assertEquals(false, QuarkusTransaction.requiringNew().call(() -> PayableOrder.findByIdOptional(orderId).isPresent()));
    }

    @Test
    void another_shoppers_order_is_404_because_cart_order_is_asked_with_the_callers_token() {
        long orderId = SagaEvents.newOrderId();
        CartOrderStub.holds(orderId, Tokens.subjectOf("shopper"), "STOCK_RESERVED", 900);
        pay("shopper2", orderId, "tok_sandbox_success").then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, paymentsOf(orderId));
        pay("shopper", orderId, "tok_sandbox_success").then().statusCode(201);
    }

    @Test
    void an_order_whose_stock_is_not_held_yet_is_404_and_a_cancelled_one_409() {
        long pending = SagaEvents.newOrderId();
        CartOrderStub.holds(pending, Tokens.subjectOf("shopper"), "PENDING", 900);
        pay("shopper", pending, "tok_sandbox_success").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/payable-order-not-found"));
        long cancelled = SagaEvents.newOrderId();
        CartOrderStub.holds(cancelled, Tokens.subjectOf("shopper"), "CANCELLED", 900);
        pay("shopper", cancelled, "tok_sandbox_success").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/order-cancelled"));
        assertEquals(0, paymentsOf(pending) + paymentsOf(cancelled));
    }

    @Test
    void cart_order_down_is_503_with_retry_after_and_the_same_request_succeeds_once_it_is_back() {
        long orderId = SagaEvents.newOrderId();
        CartOrderStub.holds(orderId, Tokens.subjectOf("shopper"), "STOCK_RESERVED", 700);
        String key = UUID.randomUUID().toString();
        CartOrderStub.down();
        try {
            pay("shopper", orderId, "tok_sandbox_success", key).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2")
                    .body("type", equalTo("https://quarkmall.io/problems/order-service-unavailable"));
        } finally {
            CartOrderStub.up();
        }
        assertEquals(0, paymentsOf(orderId));
        pay("shopper", orderId, "tok_sandbox_success", key).then().statusCode(201).body("status", equalTo("CAPTURED"));
    }
}
