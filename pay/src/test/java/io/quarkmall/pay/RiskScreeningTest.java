package io.quarkmall.pay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.pay.domain.PayableOrder;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Payments screened by risk control before they reach a channel. Only the rules about the device are
 * weighed here (a fresh device id per test makes them exact): a basket of 1,000 yuan or more from a device
 * the shopper never paid from (20 points: review), and more than 3 attempts from one device in 10 minutes,
 * by anybody, on top (45: decline).
 */
@QuarkusTest
@TestProfile(RiskScreeningTest.Screening.class)
class RiskScreeningTest {

    public static class Screening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkmall.pay.risk.screen-payments", "true",
                    "quarkmall.pay.risk.review-at", "20",
                    "quarkmall.pay.risk.decline-at", "45",
                    "quarkmall.pay.risk.shopper-per-short-window", "100000",
                    "quarkmall.pay.risk.shopper-per-long-window", "100000",
                    "quarkmall.pay.risk.spike-points", "0",
                    "quarkmall.pay.risk.no-history-points", "0",
                    "quarkmall.pay.risk.declines-points", "0");
        }
    }

    private static ValidatableResponse pay(String user, long orderId, String device) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"orderId":%d,"channel":"card","token":"tok_sandbox_success","deviceId":"%s"}"""
                        .formatted(orderId, device))
                .when().post("/payments").then();
    }

    private static ValidatableResponse decide(long review, boolean approve) {
        return given().auth().oauth2(Tokens.of("admin")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"approve\":%s,\"note\":\"checked by phone\"}".formatted(approve))
                .when().post("/admin/risk/reviews/{id}/decision", review).then();
    }

    private static Payment payment(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.findById(id));
    }

    @Test
    void a_normal_payment_goes_through() {
        long orderId = PayableOrders.of("shopper", 9_900);
        pay("shopper", orderId, "dev-" + UUID.randomUUID()).statusCode(201).body("status", equalTo("CAPTURED"));
    }

    @Test
    void a_large_basket_from_a_new_device_waits_for_an_operator_whose_approval_lets_the_shopper_pay() {
        long orderId = PayableOrders.of("shopper", 150_000);
        long held = pay("shopper", orderId, "dev-" + UUID.randomUUID()).statusCode(201)
                .body("status", equalTo("IN_REVIEW")).extract().jsonPath().getLong("id");
        long review = payment(held).riskReviewId();
        var shown = given().auth().oauth2(Tokens.of("admin")).when().get("/admin/risk/reviews/{id}", review).then()
                .statusCode(200).body("explanation", containsString("device")).extract().jsonPath();
        assertEquals(orderId, shown.getLong("orderId"));
        decide(review, true).statusCode(200);
        assertEquals(Payment.Status.VOIDED, payment(held).status());
        assertEquals("REVIEW_APPROVED", payment(held).failureReason());
        pay("shopper", orderId, "dev-" + UUID.randomUUID()).statusCode(201).body("status", equalTo("CAPTURED"));
        assertTrue(PaymentFlowTest.eventsOf(orderId).stream().allMatch(e -> e.contains("\"PaymentSucceeded\"")));
    }

    @Test
    void a_held_payment_the_operator_declines_fails_and_the_order_stays_payable() {
        long orderId = PayableOrders.of("shopper", 150_000);
        long held = pay("shopper", orderId, "dev-" + UUID.randomUUID()).statusCode(201)
                .body("status", equalTo("IN_REVIEW")).extract().jsonPath().getLong("id");
        decide(payment(held).riskReviewId(), false).statusCode(200);
        assertEquals(Payment.Status.DECLINED, payment(held).status());
        assertEquals("RISK_DECLINED", payment(held).failureReason());
        List<String> events = PaymentFlowTest.eventsOf(orderId);
        assertEquals(1, events.size());
        assertTrue(events.get(0).contains("\"PaymentFailed\""));
        decide(payment(held).riskReviewId(), true).statusCode(409);
    }

    @Test
    void a_burst_from_one_device_ending_in_another_shoppers_large_basket_is_declined_before_it_reaches_the_channel() {
        String device = "dev-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            pay("shopper", PayableOrders.of("shopper", 1_000 + i), device).statusCode(201).body("status", equalTo("CAPTURED"));
        }
        long orderId = PayableOrders.of("shopper2", 200_000);
        long refused = pay("shopper2", orderId, device).statusCode(201).body("status", equalTo("DECLINED"))
                .body("failureReason", equalTo("RISK_DECLINED")).extract().jsonPath().getLong("id");
        assertEquals(null, payment(refused).gatewayChargeId(), "the card was never charged");
        assertEquals(PayableOrder.Status.PAYABLE, QuarkusTransaction.requiringNew().call(() ->
                PayableOrder.<PayableOrder>findById(orderId).status()));
    }
}
