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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Points across the services: earned on one order, they pay part of the next; loyalty holds them
 * before the order can be paid, and every ledger (points, stock, money) is restored when the order
 * is cancelled, before and after payment.
 */
@ExtendWith(Mall.class)
class PointsJourneyTest {

    private static final String SHOPPER = "shopper2";

    private static ValidatableResponse account() {
        return given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/api/loyalty/accounts/me").then().statusCode(200);
    }

    private static long orderWithPoints(String sku, long points) {
        Shop.emptyCart(SHOPPER);
        Shop.putInCart(SHOPPER, sku, 1).statusCode(200);
        return given().auth().oauth2(Tokens.of(SHOPPER)).header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("points", points).when().post("/api/cart-order/checkout").then().statusCode(201)
                .body("pointsUsed", equalTo((int) points)).body("adjustments[0].kind", equalTo("POINTS"))
                .extract().jsonPath().getLong("id");
    }

    /** Earns at least {@code points} by buying and paying for one unit of the SKU (¥1,000: 1,000 points) as often as needed. */
    private static void earnAtLeast(String sku, long points) {
        while (Shop.points(SHOPPER) < points) {
            long before = Shop.points(SHOPPER);
            long orderId = Shop.orderOf(SHOPPER, sku, 1);
            Shop.payWhenPayable(SHOPPER, orderId, "tok_sandbox_success").then().statusCode(201);
            await().atMost(SAGA).until(() -> Shop.points(SHOPPER) > before);
        }
    }

    @Test
    void points_pay_part_of_an_order_and_every_ledger_is_restored_when_it_is_cancelled_unpaid_or_paid() {
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "茶盘", 10_000, 10);
        String dear = "E2E-" + Shop.marker();
        Shop.listFindable(dear, "茶台", 100_000, 10);
        earnAtLeast(dear, 1_000);
        long balance = Shop.points(SHOPPER);
        long available = Shop.available(sku);

        long unpaid = orderWithPoints(sku, 1_000);
        Shop.order(SHOPPER, unpaid).body("subtotal.amountMinor", equalTo(10_000)).body("total.amountMinor", equalTo(9_000));
        Shop.awaitStatus(SHOPPER, unpaid, "STOCK_RESERVED");
        account().body("held", equalTo(1_000)).body("balance", equalTo((int) (balance - 1_000)));
        Shop.cancel(SHOPPER, unpaid);
        await().atMost(SAGA).untilAsserted(() -> account().body("held", equalTo(0)).body("balance", equalTo((int) balance))
                .body("entries[0].reason", equalTo("RELEASED_FROM_HOLD")));
        await().atMost(SAGA).until(() -> Shop.available(sku) == available);

        long paid = orderWithPoints(sku, 1_000);
        Shop.awaitStatus(SHOPPER, paid, "STOCK_RESERVED");
        Shop.payWhenPayable(SHOPPER, paid, "tok_sandbox_success").then().statusCode(201)
                .body("status", equalTo("CAPTURED")).body("amount.amountMinor", equalTo(9_000));
        await().atMost(SAGA).untilAsserted(() -> Shop.order(SHOPPER, paid).body("timeline.status", hasItem("PAID")));
        // 90 points earned on the ¥90 paid at the base rate, more if the shopper's tier multiplies them
        await().atMost(SAGA).untilAsserted(() -> account().body("held", equalTo(0))
                .body("balance", org.hamcrest.Matchers.greaterThanOrEqualTo((int) (balance - 1_000 + 90))));
        Shop.cancel(SHOPPER, paid);
        await().atMost(SAGA).untilAsserted(() -> given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/api/pay/payments")
                .then().body("find { it.orderId == %d }.status".formatted(paid), equalTo("REFUNDED")));
        await().atMost(SAGA).untilAsserted(() -> assertEquals(balance, Shop.points(SHOPPER),
                "the 1,000 points spent came back and those earned were taken back"));
        await().atMost(SAGA).until(() -> Shop.available(sku) == available);
    }

    @Test
    void more_points_than_the_balance_cancel_the_order_and_release_its_stock() {
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "香炉", 100_000_000, 3);
        long balance = Shop.points(SHOPPER);
        long orderId = orderWithPoints(sku, balance + 1);
        Shop.awaitStatus(SHOPPER, orderId, "CANCELLED");
        Shop.order(SHOPPER, orderId).body("cancelReason", equalTo("POINTS_REFUSED"));
        await().atMost(SAGA).until(() -> Shop.available(sku) == 3);
        assertEquals(balance, Shop.points(SHOPPER));
    }

    @Test
    void a_shopper_checks_in_once_a_day_and_spends_points_on_a_voucher_handed_over_at_once() {
        long before = Shop.points(SHOPPER);
        var status = given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/api/loyalty/check-ins/me").then()
                .statusCode(200).extract().jsonPath();
        if (!status.getBoolean("checkedInToday")) {
            long reward = status.getLong("next.points");
            Shop.post(SHOPPER, "/api/loyalty/check-ins", null).then().statusCode(201).body("points", equalTo((int) reward));
            await().atMost(SAGA).until(() -> Shop.points(SHOPPER) == before + reward);
        }
        Shop.post(SHOPPER, "/api/loyalty/check-ins", null).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/already-checked-in"));

        long rewardId = Shop.post("merchant", "/api/loyalty/operator/rewards", """
                {"name":"Tea tasting %s","kind":"VOUCHER","pointsCost":5,"stock":3,"perShopperLimit":1}"""
                .formatted(Shop.marker())).then().statusCode(201).extract().jsonPath().getLong("reward.id");
        long balance = Shop.points(SHOPPER);
        Shop.post(SHOPPER, "/api/loyalty/rewards/" + rewardId + "/redemptions", null).then().statusCode(201)
                .body("code", org.hamcrest.Matchers.startsWith("QM-"));
        assertEquals(balance - 5, Shop.points(SHOPPER));
        Shop.post(SHOPPER, "/api/loyalty/rewards/" + rewardId + "/redemptions", null).then().statusCode(409)
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
        long balance = Shop.points(SHOPPER);

        long orderId = Shop.post(SHOPPER, "/api/cart-order/redemptions", "{\"sku\":\"%s\",\"quantity\":1}".formatted(sku))
                .then().statusCode(201).body("kind", equalTo("REDEMPTION")).body("pointsUsed", equalTo(300))
                .body("total.amountMinor", equalTo(0)).extract().jsonPath().getLong("id");
        Shop.awaitStatus(SHOPPER, orderId, "DELIVERED");
        Shop.order(SHOPPER, orderId).body("timeline.status", hasItem("PAID"));
        assertEquals(balance - 300, Shop.points(SHOPPER), "300 points spent, none earned on no money");
        assertEquals(1, Shop.available(sku));
        given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/api/pay/payments").then().statusCode(200)
                .body("findAll { it.orderId == %d }".formatted(orderId), org.hamcrest.Matchers.empty());
    }
}
