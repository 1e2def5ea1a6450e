package io.quarkmall.pay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.pay.domain.PaymentRefund;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Attempts, operators' refunds and channel notifications, on the real stack. */
@QuarkusTest
class PaymentAttemptsTest {

    private static long paidOrder(long amountMinor) {
        long orderId = PayableOrders.of("shopper", amountMinor);
        return PaymentFlowTest.pay("shopper", orderId, "tok_sandbox_success").then().statusCode(201)
                .body("status", equalTo("CAPTURED")).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.ValidatableResponse refund(String user, long paymentId, long amountMinor, String key) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"amount\":{\"amountMinor\":%d,\"currency\":\"CNY\"}}".formatted(amountMinor))
                .when().post("/admin/payments/{id}/refunds", paymentId).then();
    }

    @Test
    void an_operator_refunds_a_payment_once_per_key_and_never_more_than_was_paid() {
        long paymentId = paidOrder(3_000);
        refund("admin", paymentId, 3_001, UUID.randomUUID().toString()).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/refund-exceeds-payment"));
        refund("admin", paymentId, 0, UUID.randomUUID().toString()).statusCode(400).contentType("application/problem+json");
        String key = UUID.randomUUID().toString();
        refund("admin", paymentId, 3_000, key).statusCode(201).body("status", equalTo("PENDING"));
        refund("admin", paymentId, 3_000, key).statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("admin"))
                .when().get("/admin/payments/{id}", paymentId).then().statusCode(200)
                .body("payment.status", equalTo("REFUNDED")).body("refunds.size()", equalTo(1))
                .body("refunds[0].status", equalTo("DONE")));
        refund("admin", paymentId, 1, UUID.randomUUID().toString()).statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/payment-not-refundable"));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> PaymentRefund.ofPayment(paymentId).size()));
    }

    @Test
    void only_admins_see_payments_or_refund() {
        long paymentId = paidOrder(500);
        refund("shopper", paymentId, 500, UUID.randomUUID().toString()).statusCode(403);
        given().when().get("/admin/payments").then().statusCode(401);
        given().auth().oauth2(Tokens.of("merchant")).when().get("/admin/refunds").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin")).when().get("/admin/payments?status=NOPE").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).when().get("/admin/payments/{id}", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void a_notification_that_does_not_verify_is_refused_and_changes_nothing() {
        given().contentType(ContentType.JSON).body("{\"reference\":\"qm-1-1\",\"status\":\"PAID\"}")
                .when().post("/notifications/card").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/invalid-notification"));
        given().contentType(ContentType.TEXT).body("x").when().post("/notifications/cash").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anybody_may_see_which_channels_take_payments() {
        given().when().get("/payments/channels").then().statusCode(200)
                .body("name", hasItem("card")).body("find { it.name == 'card' }.available", equalTo(true));
    }
}
