package io.quarkmall.pay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.domain.PaymentRefund;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Orders awaiting payment, paid through the real sandbox gateway on every path it offers. */
@QuarkusTest
class PaymentFlowTest {

    private static final String ORDERS = "test.pay.order.v1";

    static Response pay(String user, long orderId, String token) {
        return pay(user, orderId, token, UUID.randomUUID().toString());
    }

    static Response pay(String user, long orderId, String token, String idempotencyKey) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body("{\"orderId\":%d,\"channel\":\"sandbox\",\"token\":\"%s\"}".formatted(orderId, token))
                .when().post("/payments");
    }

    static List<String> eventsOf(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("recordKey",
                Long.toString(orderId)).stream().map(OutboxEvent::envelope).toList());
    }

    /** The shopper's {@code count} payments of one order, sent at once with {@code alongside}: their statuses. */
    static List<Integer> payAtOnce(long orderId, int count, Runnable alongside) throws Exception {
        var pool = Executors.newFixedThreadPool(count + 1);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Integer>>();
        for (int i = 0; i < count; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return pay("shopper", orderId, "tok_sandbox_success").statusCode();
            }));
        }
        Future<?> other = pool.submit(() -> {
            start.await();
            alongside.run();
            return null;
        });
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        other.get();
        pool.shutdown();
        return statuses;
    }

    @Test
    void twenty_concurrent_payments_of_one_order_charge_it_once() throws Exception {
        long orderId = PayableOrders.of("shopper", 25_900);
        List<Integer> statuses = payAtOnce(orderId, 20, () -> { });
        assertEquals(1, Collections.frequency(statuses, 201));
        assertEquals(19, Collections.frequency(statuses, 409));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Payment.count("orderId", orderId)));
        List<String> events = eventsOf(orderId);
        assertEquals(1, events.size());
        assertEquals(true, events.get(0).contains("\"PaymentSucceeded\"") && events.get(0).contains("\"amountMinor\":25900"));
    }

    @Test
    void a_declined_card_leaves_the_order_payable_and_another_card_pays_it() {
        long orderId = PayableOrders.of("shopper", 1_000);
        pay("shopper", orderId, "tok_sandbox_decline").then().statusCode(201)
                .body("status", equalTo("DECLINED")).body("failureReason", equalTo("card_declined"));
        pay("shopper", orderId, "tok_sandbox_success").then().statusCode(201).body("status", equalTo("CAPTURED"));
        pay("shopper", orderId, "tok_sandbox_success").then().statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/order-already-paid"));
        List<String> events = eventsOf(orderId);
        assertEquals(2, events.size());
        assertEquals(true, events.get(0).contains("\"PaymentFailed\"") && events.get(0).contains("\"DECLINED\""));
        assertEquals(true, events.get(1).contains("\"PaymentSucceeded\""));
        assertEquals(List.of("qm-" + orderId + "-1", "qm-" + orderId + "-2"), QuarkusTransaction.requiringNew().call(() ->
                Payment.ofOrder(orderId).stream().map(Payment::reference).toList()), "each attempt has its own reference");
    }

    @Test
    void a_charge_the_psp_does_not_answer_in_time_stays_pending_until_pay_asks_and_then_pays_the_order_once() {
        long orderId = PayableOrders.of("shopper", 1_000);
        long id = pay("shopper", orderId, "tok_sandbox_timeout").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper"))
                .when().get("/payments/{id}", id).then().body("status", equalTo("CAPTURED")));
        pay("shopper", orderId, "tok_sandbox_success").then().statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/order-already-paid"));
        List<String> events = eventsOf(orderId);
        assertEquals(1, events.size());
        assertEquals(true, events.get(0).contains("\"PaymentSucceeded\""));
    }

    @Test
    void a_paid_order_that_is_cancelled_is_refunded_once() {
        long orderId = PayableOrders.of("shopper", 4_200);
        long paymentId = pay("shopper", orderId, "tok_sandbox_success").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String cancelled = SagaEvents.publish(ORDERS, "OrderCancelled", orderId, """
                {"orderId":%d,"shopperId":"%s","reason":"SHOPPER_CANCELLED"}""".formatted(orderId, Tokens.subjectOf("shopper")));
        SagaEvents.send(ORDERS, orderId, cancelled);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper"))
                .when().get("/payments/{id}", paymentId).then().statusCode(200).body("status", equalTo("REFUNDED")));
        await().atMost(Duration.ofSeconds(5)).until(() -> eventsOf(orderId).size() == 2);
        assertEquals(1, eventsOf(orderId).stream().filter(e -> e.contains("\"PaymentRefunded\"")).count());
    }

    @Test
    void a_refund_the_gateway_refuses_at_first_is_retried_until_it_is_taken() {
        long orderId = PayableOrders.of("shopper", 4_200);
        long paymentId = pay("shopper", orderId, "tok_sandbox_refund_unavailable").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, """
                {"orderId":%d,"shopperId":"%s","reason":"UNPAID_TIMEOUT"}""".formatted(orderId, Tokens.subjectOf("shopper")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper"))
                .when().get("/payments/{id}", paymentId).then().statusCode(200).body("status", equalTo("REFUNDED")));
        var refunds = QuarkusTransaction.requiringNew().call(() -> PaymentRefund.ofPayment(paymentId));
        assertEquals(1, refunds.size());
        assertEquals(PaymentRefund.Status.DONE, refunds.get(0).status());
        assertEquals(1, eventsOf(orderId).stream().filter(e -> e.contains("\"PaymentRefunded\"")).count());
    }

    static String refundApproved(long orderId, long requestId, long amountMinor) {
        return SagaEvents.publish(ORDERS, "OrderRefundApproved", orderId, """
                {"orderId":%d,"shopperId":"%s","requestId":%d,"amount":{"amountMinor":%d,"currency":"CNY"},
                 "refundReference":"after-sales-%d"}""".formatted(orderId, Tokens.subjectOf("shopper"), requestId,
                amountMinor, requestId));
    }

    @Test
    void an_approved_after_sales_request_is_refunded_once_under_its_reference_never_beyond_the_payment_else_declined() {
        long orderId = PayableOrders.of("shopper", 4_200);
        long paymentId = pay("shopper", orderId, "tok_sandbox_success").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long requestId = orderId; // 12 digits at most: 13 could pass for a card number in the PCI scan
        refundApproved(orderId, requestId, 1_500);
        refundApproved(orderId, requestId, 1_500); // the same approval again, as a new event: refunded once still
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper"))
                .when().get("/payments/{id}", paymentId).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_REFUNDED")).body("refunded.amountMinor", equalTo(1_500)));
        await().atMost(Duration.ofSeconds(5)).until(() -> eventsOf(orderId).stream()
                .anyMatch(e -> e.contains("\"PaymentRefunded\"")));
        var refunded = eventsOf(orderId).stream().filter(e -> e.contains("\"PaymentRefunded\"")).toList();
        assertEquals(1, refunded.size(), "the replayed approval refunds nothing more");
        assertEquals(true, refunded.getFirst().contains("\"refundReference\":\"after-sales-" + requestId + "\""));

        refundApproved(orderId, requestId + 1, 9_999);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper"))
                .when().get("/payments/{id}", paymentId).then().statusCode(200)
                .body("status", equalTo("REFUNDED")).body("refunded.amountMinor", equalTo(4_200)));
        String third = refundApproved(orderId, requestId + 2, 100).replaceAll("(?s).*\"eventId\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Payment
                .getEntityManager().createNativeQuery("select count(*) from inbox_event where event_id = cast(?1 as uuid)")
                .setParameter(1, third).getSingleResult()).longValue() == 1));
        var refunds = QuarkusTransaction.requiringNew().call(() -> PaymentRefund.ofPayment(paymentId).stream()
                .map(r -> r.refundReference() + "=" + r.amount().amountMinor()).toList());
        assertEquals(List.of("after-sales-" + requestId + "=1500", "after-sales-" + (requestId + 1) + "=2700"), refunds,
                "capped by what the payment still held; nothing is left for a third");
        var declined = eventsOf(orderId).stream().filter(e -> e.contains("\"PaymentRefundDeclined\"")).toList();
        assertEquals(1, declined.size(), "the third is declined, so cart-order closes its request");
        assertEquals(true, declined.getFirst().contains("\"refundReference\":\"after-sales-" + (requestId + 2) + "\"")
                && declined.getFirst().contains("\"NOTHING_LEFT\""));
    }

    @Test
    void another_shopper_can_neither_pay_nor_see_the_order_or_payment() {
        long orderId = PayableOrders.of("shopper", 1_000);
        pay("shopper2", orderId, "tok_sandbox_success").then().statusCode(404).contentType("application/problem+json");
        long paymentId = pay("shopper", orderId, "tok_sandbox_success").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/payments/{id}", paymentId).then().statusCode(404);
    }

    @Test
    void card_numbers_and_unknown_channels_are_refused_and_never_stored() {
        long orderId = PayableOrders.of("shopper", 1_000);
        pay("shopper", orderId, "4111111111111111").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("token"));
        given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"orderId\":%d,\"channel\":\"cash\",\"token\":\"tok_x\"}".formatted(orderId))
                .when().post("/payments").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/unknown-channel"));
        pay("shopper", orderId, "tok_sandbox_success").then().statusCode(201);
        String stored = QuarkusTransaction.requiringNew().call(() -> String.valueOf(Payment.getEntityManager()
                .createNativeQuery("SELECT string_agg(p::text, '|') FROM payment p").getSingleResult())
                + Payment.getEntityManager().createNativeQuery("SELECT string_agg(i::text, '|') FROM idempotency_key i")
                .getSingleResult());
        assertFalse(stored.contains("4111111111111111"));
        assertFalse(stored.contains("tok_sandbox"), "tokens are passed on, not kept");
    }
}
