package io.quarkmall.pay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.domain.PaymentRefund;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * How attempts at a channel that answers with a QR code settle: by notification, by query, closed by a
 * newer attempt or a cancellation; never twice; and what a failing channel does to new payments.
 */
@QuarkusTest
class WalletAttemptsTest {

    private static final String ORDERS = "test.pay.order.v1";

    @Inject
    ScriptedWallet wallet;
    @Inject
    io.quarkmall.pay.service.SensitiveData sensitive;

    private static Response start(long orderId) {
        return given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"orderId\":%d,\"channel\":\"%s\",\"presentation\":\"QR_CODE\"}"
                        .formatted(orderId, ScriptedWallet.NAME))
                .when().post("/payments");
    }

    private static Response notify(String body) {
        return given().contentType(ContentType.TEXT).body(body).when().post("/notifications/" + ScriptedWallet.NAME);
    }

    private static Payment payment(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.findById(id));
    }

    private static String reference(long id) {
        return payment(id).reference();
    }

    @Test
    void a_qr_attempt_waits_for_the_wallet_and_any_number_of_duplicate_notifications_pay_the_order_once()
            throws Exception {
        long orderId = PayableOrders.of("shopper", 8_800);
        long id = start(orderId).then().statusCode(201).body("status", equalTo("PENDING"))
                .body("action.kind", equalTo("QR_CODE")).body("action.content", containsString("wallet://pay/"))
                .extract().jsonPath().getLong("id");
        String notification = wallet.pay(reference(id));
        var pool = Executors.newFixedThreadPool(16);
        var go = new CountDownLatch(1);
        var answers = new ArrayList<Future<Integer>>();
        for (int i = 0; i < 32; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return notify(notification).statusCode();
            }));
        }
        go.countDown();
        for (var answer : answers) {
            assertEquals(200, answer.get());
        }
        pool.shutdown();
        assertEquals(Payment.Status.CAPTURED, payment(id).status());
        String sealed = payment(id).payerSealed();
        assertTrue(sealed != null && !sealed.contains("payer-1"), "the payer id is stored sealed: " + sealed);
        assertEquals(java.util.Optional.of("payer-1"), sensitive.open(Tokens.subjectOf("shopper"),
                io.quarkmall.pay.service.SensitiveData.OTHER_PAYER, sealed));
        List<String> events = PaymentFlowTest.eventsOf(orderId);
        assertEquals(1, events.size(), "one PaymentSucceeded however many notifications: " + events);
        assertTrue(events.get(0).contains("\"PaymentSucceeded\""));
        notify(notification).then().statusCode(200).body(equalTo("success"));
        assertEquals(1, PaymentFlowTest.eventsOf(orderId).size(), "a late duplicate changes nothing");
    }

    @Test
    void a_forged_notification_is_refused_and_changes_nothing() {
        long orderId = PayableOrders.of("shopper", 1_200);
        long id = start(orderId).then().statusCode(201).extract().jsonPath().getLong("id");
        String ref = reference(id);
        notify(ref + "|PAID|" + "0".repeat(64)).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/invalid-notification"));
        notify("nonsense").then().statusCode(400);
        assertEquals(Payment.Status.PENDING, payment(id).status());
    }

    @Test
    void a_refused_attempt_leaves_the_order_payable_and_the_next_attempt_has_a_new_reference() {
        long orderId = PayableOrders.of("shopper", 2_000);
        long first = start(orderId).then().statusCode(201).extract().jsonPath().getLong("id");
        notify(wallet.refuse(reference(first))).then().statusCode(200);
        assertEquals(Payment.Status.DECLINED, payment(first).status());
        assertEquals("INSUFFICIENT_BALANCE", payment(first).failureReason());
        long second = start(orderId).then().statusCode(201).extract().jsonPath().getLong("id");
        notify(wallet.pay(reference(second))).then().statusCode(200);
        assertEquals(Payment.Status.CAPTURED, payment(second).status());
        List<String> events = PaymentFlowTest.eventsOf(orderId);
        assertEquals(2, events.size());
        assertTrue(events.get(0).contains("\"PaymentFailed\"") && events.get(1).contains("\"PaymentSucceeded\""));
    }

    @Test
    void a_new_attempt_closes_the_pending_one_so_its_qr_code_can_no_longer_be_paid() {
        long orderId = PayableOrders.of("shopper", 3_000);
        long first = start(orderId).then().statusCode(201).extract().jsonPath().getLong("id");
        long second = start(orderId).then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(Payment.Status.VOIDED, payment(first).status());
        assertEquals(ScriptedWallet.Trade.CLOSED, wallet.trade(reference(first)));
        notify(wallet.pay(reference(first))).then().statusCode(200);
        assertEquals(Payment.Status.VOIDED, payment(first).status(), "a closed trade cannot be paid");
        notify(wallet.pay(reference(second))).then().statusCode(200);
        assertEquals(Payment.Status.CAPTURED, payment(second).status());
    }

    @Test
    void an_attempt_paid_without_a_notification_pays_the_order_when_a_new_attempt_starts_or_when_asked() {
        long orderId = PayableOrders.of("shopper", 4_000);
        long first = start(orderId).then().statusCode(201).extract().jsonPath().getLong("id");
        wallet.paySilently(reference(first));
        start(orderId).then().statusCode(409).body("type", equalTo("https://quarkmall.io/problems/order-already-paid"));
        assertEquals(Payment.Status.CAPTURED, payment(first).status());

        long other = PayableOrders.of("shopper", 4_100);
        long asked = start(other).then().statusCode(201).extract().jsonPath().getLong("id");
        wallet.paySilently(reference(asked));
        await().atMost(Duration.ofSeconds(20)).until(() -> payment(asked).status() == Payment.Status.CAPTURED);
        assertEquals(1, PaymentFlowTest.eventsOf(other).size());
    }

    @Test
    void money_the_wallet_takes_after_the_order_was_cancelled_is_recorded_as_surplus_and_refunded_whole() {
        long orderId = PayableOrders.of("shopper", 5_000);
        long id = start(orderId).then().statusCode(201).extract().jsonPath().getLong("id");
        String ref = reference(id);
        wallet.paySilently(ref);
        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, """
                {"orderId":%d,"shopperId":"%s","reason":"UNPAID_TIMEOUT"}""".formatted(orderId, Tokens.subjectOf("shopper")));
        await().atMost(Duration.ofSeconds(20)).until(() -> payment(id).status() == Payment.Status.REFUNDED);
        assertTrue(payment(id).surplus());
        assertEquals(payment(id).amount(), wallet.refunded(ref));
        assertEquals(List.of(PaymentRefund.Reason.SURPLUS_PAYMENT.name()), QuarkusTransaction.requiringNew().call(() ->
                PaymentRefund.ofPayment(id).stream().map(PaymentRefund::reason).toList()));
        assertEquals(List.of(), PaymentFlowTest.eventsOf(orderId), "not the order's money: no PaymentSucceeded or Refunded");
    }

    @Test
    void a_pending_attempt_of_a_cancelled_order_is_closed_at_the_wallet() {
        long orderId = PayableOrders.of("shopper", 6_000);
        long id = start(orderId).then().statusCode(201).extract().jsonPath().getLong("id");
        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, """
                {"orderId":%d,"shopperId":"%s","reason":"SHOPPER_CANCELLED"}""".formatted(orderId, Tokens.subjectOf("shopper")));
        await().atMost(Duration.ofSeconds(20)).until(() -> payment(id).status() == Payment.Status.VOIDED);
        assertEquals(ScriptedWallet.Trade.CLOSED, wallet.trade(reference(id)));
    }

    @Test
    void transient_errors_are_retried_under_the_same_reference_and_a_channel_that_keeps_failing_is_offered_no_more()
            throws Exception {
        long retried = PayableOrders.of("shopper", 700);
        wallet.failNext(2);
        start(retried).then().statusCode(201).body("status", equalTo("PENDING"));

        long orderId = PayableOrders.of("shopper", 700);
        wallet.failNext(1_000);
        start(orderId).then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/channel-unavailable"));
        start(orderId).then().statusCode(503);
        given().when().get("/payments/channels").then().statusCode(200)
                .body("find { it.name == '%s' }.available".formatted(ScriptedWallet.NAME), equalTo(false))
                .body("find { it.name == 'card' }.available", equalTo(true));
        start(orderId).then().statusCode(503).body("detail", containsString("card"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Payment.count("orderId", orderId)),
                "nothing is recorded for an attempt the channel never took");
        wallet.failNext(0);
        Thread.sleep(2_100);
        start(orderId).then().statusCode(201).body("status", equalTo("PENDING"));
        given().when().get("/payments/channels").then()
                .body("find { it.name == '%s' }.available".formatted(ScriptedWallet.NAME), equalTo(true));
    }
}
