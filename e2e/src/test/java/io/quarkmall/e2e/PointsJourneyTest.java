package io.quarkmall.e2e;

import static io.quarkmall.e2e.Shop.SAGA;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.testing.Tokens;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Points and coupons across the services: earned on one order, points pay part of the next, with a
 * coupon; loyalty holds the points and uses the coupon before the order can be paid, and every
 * ledger (points, coupons, stock, money) is restored when the order is cancelled, before and after
 * payment.
 */
@ExtendWith(Mall.class)
class PointsJourneyTest {

    /**
     * A new shopper for each test. A demo shopper's earlier payments in other tests (¥88 attempts)
     * make this test's ¥1,000 payment a spike that pay's risk control rightly declines.
     */
    private static String shopper;

    @BeforeEach
    void aShopperOfItsOwn() throws Exception {
        shopper = Shoppers.ensure("points-" + Shop.marker() + "-%d", 1).getFirst();
    }

    private static ValidatableResponse account() {
        return given().auth().oauth2(Tokens.of(shopper)).when().get("/api/loyalty/accounts/me").then().statusCode(200);
    }

    private static long orderWithPoints(String sku, long points) {
        Shop.emptyCart(shopper);
        Shop.putInCart(shopper, sku, 1).statusCode(200);
        return given().auth().oauth2(Tokens.of(shopper)).header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("points", points).when().post("/api/cart-order/checkout").then().statusCode(201)
                .body("pointsUsed", equalTo((int) points)).body("adjustments[0].kind", equalTo("POINTS"))
                .extract().jsonPath().getLong("id");
    }

    /** Earns at least {@code points} by buying and paying for one unit of the SKU (¥1,000: 1,000 points) as often as needed. */
    private static void earnAtLeast(String sku, long points) {
        while (Shop.points(shopper) < points) {
            long before = Shop.points(shopper);
            long orderId = Shop.orderOf(shopper, sku, 1);
            Shop.payWhenPayable(shopper, orderId, "tok_sandbox_success").then().statusCode(201);
            await().atMost(SAGA).until(() -> Shop.points(shopper) > before);
        }
    }

    @Test
    void points_pay_part_of_an_order_and_every_ledger_is_restored_when_it_is_cancelled_unpaid_or_paid() {
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "茶盘", 10_000, 10);
        String dear = "E2E-" + Shop.marker();
        Shop.listFindable(dear, "茶台", 100_000, 10);
        earnAtLeast(dear, 1_000);
        long balance = Shop.points(shopper);
        long available = Shop.available(sku);

        long unpaid = orderWithPoints(sku, 1_000);
        Shop.order(shopper, unpaid).body("subtotal.amountMinor", equalTo(10_000)).body("total.amountMinor", equalTo(9_000));
        Shop.awaitStatus(shopper, unpaid, "STOCK_RESERVED");
        account().body("held", equalTo(1_000)).body("balance", equalTo((int) (balance - 1_000)));
        Shop.cancel(shopper, unpaid);
        await().atMost(SAGA).untilAsserted(() -> account().body("held", equalTo(0)).body("balance", equalTo((int) balance))
                .body("entries[0].reason", equalTo("RELEASED_FROM_HOLD")));
        await().atMost(SAGA).until(() -> Shop.available(sku) == available);

        long paid = orderWithPoints(sku, 1_000);
        Shop.awaitStatus(shopper, paid, "STOCK_RESERVED");
        Shop.payWhenPayable(shopper, paid, "tok_sandbox_success").then().statusCode(201)
                .body("status", equalTo("CAPTURED")).body("amount.amountMinor", equalTo(9_000));
        await().atMost(SAGA).untilAsserted(() -> Shop.order(shopper, paid).body("timeline.status", hasItem("PAID")));
        // 90 points earned on the ¥90 paid at the base rate, more if the shopper's tier multiplies them
        await().atMost(SAGA).untilAsserted(() -> account().body("held", equalTo(0))
                .body("balance", org.hamcrest.Matchers.greaterThanOrEqualTo((int) (balance - 1_000 + 90))));
        Shop.cancel(shopper, paid);
        await().atMost(SAGA).untilAsserted(() -> given().auth().oauth2(Tokens.of(shopper)).when().get("/api/pay/payments")
                .then().body("find { it.orderId == %d }.status".formatted(paid), equalTo("REFUNDED")));
        await().atMost(SAGA).untilAsserted(() -> assertEquals(balance, Shop.points(shopper),
                "the 1,000 points spent came back and those earned were taken back"));
        await().atMost(SAGA).until(() -> Shop.available(sku) == available);
    }

    @Test
    void a_coupon_and_points_pay_part_of_an_order_and_both_come_back_when_it_is_cancelled() {
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "茶碗", 20_000, 5);
        String dear = "E2E-" + Shop.marker();
        Shop.listFindable(dear, "茶台", 100_000, 10);
        earnAtLeast(dear, 500);
        long templateId = Shop.post("merchant", "/api/loyalty/operator/coupon-templates", """
                {"name":"¥30 off %1$s","kind":"FIXED","currency":"CNY","amountOffMinor":3000,"scope":"PRODUCT",
                 "scopeTargets":["%1$s"],"validDaysAfterClaim":30,"perShopperLimit":1,"totalLimit":10,"stackable":true}"""
                .formatted(sku)).then().statusCode(201).extract().jsonPath().getLong("id");
        long couponId = Shop.post(shopper, "/api/loyalty/coupons/templates/" + templateId + "/claims", null).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long balance = Shop.points(shopper);
        long available = Shop.available(sku);

        Shop.emptyCart(shopper);
        Shop.putInCart(shopper, sku, 1).statusCode(200);
        long orderId = given().auth().oauth2(Tokens.of(shopper)).header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("couponId", couponId).queryParam("points", 500).when().post("/api/cart-order/checkout").then()
                .statusCode(201).body("adjustments.kind", org.hamcrest.Matchers.contains("COUPON", "POINTS"))
                .body("subtotal.amountMinor", equalTo(20_000)).body("total.amountMinor", equalTo(20_000 - 3_000 - 500))
                .extract().jsonPath().getLong("id");
        Shop.awaitStatus(shopper, orderId, "STOCK_RESERVED");
        await().atMost(SAGA).untilAsserted(() -> coupons("USED").body("id", hasItem((int) couponId)));
        account().body("held", equalTo(500));

        Shop.cancel(shopper, orderId);
        await().atMost(SAGA).untilAsserted(() -> coupons("AVAILABLE").body("id", hasItem((int) couponId)));
        await().atMost(SAGA).untilAsserted(() -> account().body("held", equalTo(0)).body("balance", equalTo((int) balance)));
        await().atMost(SAGA).until(() -> Shop.available(sku) == available);
    }

    private static ValidatableResponse coupons(String state) {
        return given().auth().oauth2(Tokens.of(shopper)).queryParam("state", state).when().get("/api/loyalty/coupons/me")
                .then().statusCode(200);
    }

    @Test
    void more_points_than_the_balance_cancel_the_order_and_release_its_stock() {
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "香炉", 100_000_000, 3);
        long balance = Shop.points(shopper);
        long orderId = orderWithPoints(sku, balance + 1);
        Shop.awaitStatus(shopper, orderId, "CANCELLED");
        Shop.order(shopper, orderId).body("cancelReason", equalTo("POINTS_REFUSED"));
        await().atMost(SAGA).until(() -> Shop.available(sku) == 3);
        assertEquals(balance, Shop.points(shopper));
    }

    @Test
    void a_shopper_checks_in_once_a_day_and_spends_points_on_a_voucher_handed_over_at_once() {
        long before = Shop.points(shopper);
        var status = given().auth().oauth2(Tokens.of(shopper)).when().get("/api/loyalty/check-ins/me").then()
                .statusCode(200).extract().jsonPath();
        if (!status.getBoolean("checkedInToday")) {
            long reward = status.getLong("next.points");
            Shop.post(shopper, "/api/loyalty/check-ins", null).then().statusCode(201).body("points", equalTo((int) reward));
            await().atMost(SAGA).until(() -> Shop.points(shopper) == before + reward);
        }
        Shop.post(shopper, "/api/loyalty/check-ins", null).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/already-checked-in"));

        long rewardId = Shop.post("merchant", "/api/loyalty/operator/rewards", """
                {"name":"Tea tasting %s","kind":"VOUCHER","pointsCost":5,"stock":3,"perShopperLimit":1}"""
                .formatted(Shop.marker())).then().statusCode(201).extract().jsonPath().getLong("reward.id");
        long balance = Shop.points(shopper);
        Shop.post(shopper, "/api/loyalty/rewards/" + rewardId + "/redemptions", null).then().statusCode(201)
                .body("code", org.hamcrest.Matchers.startsWith("QM-"));
        assertEquals(balance - 5, Shop.points(shopper));
        Shop.post(shopper, "/api/loyalty/rewards/" + rewardId + "/redemptions", null).then().statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/reward-limit-reached"));
        given().when().get("/api/loyalty/rewards").then().statusCode(200)
                .body("find { it.id == %d }.left".formatted(rewardId), equalTo(2));
    }

    @Test
    void a_physical_item_redeemed_with_points_alone_is_paid_at_once_and_delivered() {
        String sku = "E2E-" + Shop.marker();
        long productId = Shop.listRedeemable(sku, "积分茶杯 " + sku, 5_000, 300, 2);
        Shop.awaitFindable(sku, productId, sku);
        String dear = "E2E-" + Shop.marker();
        Shop.listFindable(dear, "茶台", 100_000, 10);
        earnAtLeast(dear, 300);
        long balance = Shop.points(shopper);

        long orderId = Shop.post(shopper, "/api/cart-order/redemptions", "{\"sku\":\"%s\",\"quantity\":1}".formatted(sku))
                .then().statusCode(201).body("kind", equalTo("REDEMPTION")).body("pointsUsed", equalTo(300))
                .body("total.amountMinor", equalTo(0)).extract().jsonPath().getLong("id");
        Shop.awaitStatus(shopper, orderId, "DELIVERED");
        Shop.order(shopper, orderId).body("timeline.status", hasItem("PAID"));
        assertEquals(balance - 300, Shop.points(shopper), "300 points spent, none earned on no money");
        assertEquals(1, Shop.available(sku));
        given().auth().oauth2(Tokens.of(shopper)).when().get("/api/pay/payments").then().statusCode(200)
                .body("findAll { it.orderId == %d }".formatted(orderId), org.hamcrest.Matchers.empty());
    }
}
