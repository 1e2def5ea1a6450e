package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.CheckoutSagaTest.awaitStatus;
import static io.quarkmall.cartorder.CheckoutSagaTest.event;
import static io.quarkmall.cartorder.CheckoutSagaTest.eventTypes;
import static io.quarkmall.cartorder.CheckoutSagaTest.listedSku;
import static io.quarkmall.cartorder.CheckoutSagaTest.put;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Coupons at checkout: loyalty (here its contract-checked stub) computes what they take off, asked
 * with the shopper's own token; points pay part of what is left; the order awaits payment only once
 * loyalty has used the coupons (CouponsUsed), and is cancelled if it cannot (CouponsRefused).
 */
@QuarkusTest
@WithTestResource(value = LoyaltyQuoteStub.class, scope = TestResourceScope.GLOBAL)
class CouponsAtCheckoutTest {

    private static final String STOCK = "test.cart-order.reservation.v1";
    private static final String COUPONS = "test.cart-order.coupons.v1";
    private static final String PROBLEMS = "https://quarkmall.io/problems/";

    private static String shopper() {
        return Tokens.subjectOf("shopper");
    }

    @AfterEach
    void cartOrderAskedAsLoyaltyRequires() {
        assertEquals(List.of(), LoyaltyQuoteStub.breaches());
    }

    private static ValidatableResponse checkout(String key, long points, Object... couponIds) {
        var request = given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", key).queryParam("points", points);
        if (couponIds.length > 0) {
            request.queryParam("couponId", couponIds);
        }
        return request.when().post("/checkout").then();
    }

    private static ValidatableResponse checkout(long points, Object... couponIds) {
        return checkout(UUID.randomUUID().toString(), points, couponIds);
    }

    /** The shopper's cart holds exactly this line. */
    private static void cartOf(String sku, int quantity) {
        List<String> left = given().auth().oauth2(Tokens.of("shopper")).when().get("/cart").then().extract().path("lines.sku");
        left.forEach(old -> given().auth().oauth2(Tokens.of("shopper")).when().delete("/cart/lines/{sku}", old));
        put("shopper", sku, quantity).statusCode(200);
    }

    private static long ordersOfShopper() {
        return QuarkusTransaction.requiringNew().call(() -> Order.count("shopperId", shopper()));
    }

    private static void cartStillHolds(String sku) {
        given().auth().oauth2(Tokens.of("shopper")).when().get("/cart").then().body("lines.sku", equalTo(List.of(sku)));
    }

    private static String placedEvent(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id",
                Long.toString(orderId)).getFirst().envelope());
    }

    private static long placedWithCoupon(long priceMinor, long couponOffMinor) {
        cartOf(listedSku(priceMinor), 1);
        long coupon = LoyaltyQuoteStub.fixedOff(shopper(), "Welcome", couponOffMinor);
        return checkout(0, coupon).statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void coupons_take_their_discount_off_explained_line_by_line_before_the_points() {
        cartOf(listedSku(3_500), 3);
        long tenOff = LoyaltyQuoteStub.fixedOff(shopper(), "¥10 off", 1_000);
        long fiveOff = LoyaltyQuoteStub.fixedOff(shopper(), "¥5 off", 500);
        long orderId = checkout(2_000, tenOff, fiveOff).statusCode(201)
                .body("subtotal.amountMinor", equalTo(10_500))
                .body("adjustments", hasSize(3))
                .body("adjustments[0].kind", equalTo("COUPON")).body("adjustments[0].couponId", equalTo((int) tenOff))
                .body("adjustments[0].description", equalTo("¥10 off: CNY 10.00 off on everything."))
                .body("adjustments[0].amount.amountMinor", equalTo(1_000))
                .body("adjustments[1].couponId", equalTo((int) fiveOff)).body("adjustments[1].amount.amountMinor", equalTo(500))
                .body("adjustments[2].kind", equalTo("POINTS")).body("adjustments[2].couponId", nullValue())
                .body("adjustments[2].amount.amountMinor", equalTo(2_000))
                .body("pointsUsed", equalTo(2_000))
                .body("total.amountMinor", equalTo(7_000))
                .extract().jsonPath().getLong("id");

        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("adjustments.kind", equalTo(List.of("COUPON", "COUPON", "POINTS")))
                .body("adjustments.amount.amountMinor", equalTo(List.of(1_000, 500, 2_000)))
                .body("total.amountMinor", equalTo(7_000));
        String placed = placedEvent(orderId);
        assertThat(placed, containsString("\"type\":\"OrderPlaced\""));
        assertThat(placed, containsString("\"couponIds\":[%d,%d],\"couponDiscount\":{\"amountMinor\":1500,\"currency\":\"CNY\"}"
                .formatted(tenOff, fiveOff)));
        assertThat(placed, containsString("\"total\":{\"amountMinor\":7000,\"currency\":\"CNY\"}"));
    }

    @Test
    void points_may_pay_at_most_their_share_of_what_the_coupons_left() {
        String sku = listedSku(10_000);
        cartOf(sku, 1);
        long twentyOff = LoyaltyQuoteStub.fixedOff(shopper(), "¥20 off", 2_000);
        checkout(4_001, twentyOff).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "points-over-max-share"))
                .body("detail", containsString("up to 4000 points"));
        cartStillHolds(sku);
        checkout(4_000, twentyOff).statusCode(201)
                .body("adjustments.amount.amountMinor", equalTo(List.of(2_000, 4_000)))
                .body("total.amountMinor", equalTo(4_000));
    }

    @Test
    void a_coupon_that_does_not_apply_is_a_422_with_its_reason_the_cart_kept_and_nothing_placed() {
        String sku = listedSku(2_000);
        cartOf(sku, 1);
        long fine = LoyaltyQuoteStub.fixedOff(shopper(), "¥5 off", 500);
        long shoes = LoyaltyQuoteStub.notApplying(shopper(), "Shoes ¥20 off", "OUT_OF_SCOPE",
                "No line of this cart is in category shoes.");
        long orders = ordersOfShopper();

        checkout(0, fine, shoes).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "coupon-not-applicable"))
                .body("detail", equalTo("Coupon %d (Shoes ¥20 off) does not apply: No line of this cart is in category shoes. "
                        .formatted(shoes) + "Remove it and check out again."))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("couponId=" + shoes))
                .body("violations[0].message", equalTo("OUT_OF_SCOPE: No line of this cart is in category shoes."));
        cartStillHolds(sku);
        assertEquals(orders, ordersOfShopper());
    }

    @Test
    void another_shoppers_coupon_or_one_that_does_not_exist_is_a_422_and_nothing_is_placed() {
        String sku = listedSku(2_000);
        cartOf(sku, 1);
        long theirs = LoyaltyQuoteStub.fixedOff(Tokens.subjectOf("shopper2"), "Theirs", 500);
        long orders = ordersOfShopper();
        for (long id : new long[] {theirs, 987_654_321_000L}) {
            checkout(0, id).statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "coupon-not-yours"))
                    .body("detail", equalTo("Coupon " + id + " is not in your wallet."));
        }
        cartStillHolds(sku);
        assertEquals(orders, ordersOfShopper());
    }

    @Test
    void loyalty_down_is_a_503_that_places_nothing_and_checkout_without_coupons_still_works() {
        String sku = listedSku(2_000);
        cartOf(sku, 1);
        long coupon = LoyaltyQuoteStub.fixedOff(shopper(), "¥5 off", 500);
        long orders = ordersOfShopper();
        String key = UUID.randomUUID().toString();
        LoyaltyQuoteStub.down();
        try {
            checkout(key, 0, coupon).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo(PROBLEMS + "coupons-unavailable"))
                    .body("detail", containsString("check out without coupons"));
            cartStillHolds(sku);
            assertEquals(orders, ordersOfShopper());
            checkout(0).statusCode(201).body("adjustments", hasSize(0)).body("total.amountMinor", equalTo(2_000));
        } finally {
            LoyaltyQuoteStub.up();
        }
        cartOf(sku, 1);
        checkout(key, 0, coupon).statusCode(201).body("total.amountMinor", equalTo(1_500));
    }

    @Test
    void coupon_ids_that_are_not_a_short_list_of_distinct_ids_are_bad_input_and_loyalty_is_not_asked() {
        cartOf(listedSku(2_000), 1);
        int asked = LoyaltyQuoteStub.quotesAsked();
        var many = new ArrayList<Object>();
        for (long id = 1; id <= 21; id++) {
            many.add(id);
        }
        for (Object[] ids : List.of(new Object[] {"abc"}, new Object[] {0}, new Object[] {-3}, new Object[] {7, 7}, many.toArray())) {
            checkout(0, ids).statusCode(400).contentType("application/problem+json");
        }
        assertEquals(asked, LoyaltyQuoteStub.quotesAsked());
    }

    @Test
    void the_order_awaits_payment_once_its_stock_and_its_coupons_are_in() {
        long orderId = placedWithCoupon(3_000, 1_000);
        event(STOCK, "StockReserved", orderId, ",\"lines\":[]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper"))
                .when().get("/orders/{id}", orderId).then().body("status", equalTo("PENDING")).body("timeline", hasSize(2)));
        String used = SagaEvents.publish(COUPONS, "CouponsUsed", orderId, "{\"orderId\":%d,\"shopperId\":\"%s\",\"couponIds\":[1]}"
                .formatted(orderId, shopper()));
        SagaEvents.send(COUPONS, orderId, used);
        awaitStatus(orderId, "STOCK_RESERVED");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> eventTypes(orderId).size() == 2);
        assertEquals(List.of("OrderPlaced", "OrderAwaitingPayment"), eventTypes(orderId));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("timeline.note[2]", containsString("used for the order")).body("total.amountMinor", equalTo(2_000));
    }

    @Test
    void coupons_loyalty_refuses_cancel_the_order_and_release_its_stock() {
        long orderId = placedWithCoupon(3_000, 1_000);
        event(STOCK, "StockReserved", orderId, ",\"lines\":[]");
        event(COUPONS, "CouponsRefused", orderId, ",\"shopperId\":\"%s\",\"reason\":\"Coupon 5 is already used by another order.\""
                .formatted(shopper()));
        awaitStatus(orderId, "CANCELLED");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("cancelReason", equalTo("COUPONS_REFUSED"))
                .body("timeline.note[-1]", equalTo("Coupons refused: Coupon 5 is already used by another order."));
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(orderId).size() == 2);
        assertEquals(List.of("OrderPlaced", "OrderCancelled"), eventTypes(orderId));
        String cancelled = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id",
                Long.toString(orderId)).getLast().envelope());
        assertThat(cancelled, containsString("\"reason\":\"COUPONS_REFUSED\",\"compensation\":{\"stock\":\"RELEASE\",\"refund\":null}"));
    }

    @Test
    void an_order_coupons_pay_in_full_is_paid_once_its_stock_and_coupons_are_in() {
        long orderId = placedWithCoupon(500, 1_000);
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("adjustments[0].amount.amountMinor", equalTo(500)).body("total.amountMinor", equalTo(0));
        event(COUPONS, "CouponsUsed", orderId, ",\"shopperId\":\"%s\",\"couponIds\":[1]".formatted(shopper()));
        event(STOCK, "StockReserved", orderId, ",\"lines\":[]");
        awaitStatus(orderId, "PAID");
        assertEquals(List.of("OrderPlaced", "OrderPaid"), eventTypes(orderId));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("timeline.note[-1]", containsString("Paid in full with coupons"));
    }
}
