package io.quarkmall.loyalty;

import static io.quarkmall.loyalty.CouponFixtures.PROBLEMS;
import static io.quarkmall.loyalty.CouponFixtures.changes;
import static io.quarkmall.loyalty.CouponFixtures.counted;
import static io.quarkmall.loyalty.CouponFixtures.post;
import static io.quarkmall.loyalty.CouponFixtures.race;
import static io.quarkmall.loyalty.CouponFixtures.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.Reward;
import io.quarkmall.loyalty.domain.RewardRedemption;
import io.quarkmall.loyalty.service.PointsHolds;
import io.quarkmall.loyalty.service.PointsLedger;
import io.quarkmall.loyalty.service.RewardService;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The points mall's virtual goods: paid with points, handed over at once, within stock and limits. */
@QuarkusTest
class RewardsTest {

    @Inject
    PointsLedger ledger;
    @Inject
    PointsHolds holds;
    @Inject
    RewardService rewards;

    private void fund(String shopper, long points) {
        QuarkusTransaction.requiringNew().run(() ->
                ledger.credit(shopper, points, "TEST_CREDIT", "funds-" + UUID.randomUUID()));
    }

    private long balance(String shopper) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopper));
    }

    private static long offer(Map<String, Object> body) {
        return post("merchant", "/operator/rewards", body).statusCode(201).extract().jsonPath().getLong("reward.id");
    }

    private static Map<String, Object> voucher(long cost, int stock, int limit) {
        return changes("name", "Tea tasting voucher", "description", "One tasting at any shop", "kind", "VOUCHER",
                "pointsCost", cost, "stock", stock, "perShopperLimit", limit);
    }

    private static int left(long rewardId) {
        return QuarkusTransaction.requiringNew().call(() -> Reward.<Reward>findById(rewardId).left());
    }

    @Test
    void a_voucher_is_paid_with_points_and_its_code_handed_over_at_once_and_once_per_key() {
        String shopper = Tokens.subjectOf("shopper");
        fund(shopper, 300);
        long before = balance(shopper);
        long rewardId = offer(voucher(300, 5, 2));
        String key = UUID.randomUUID().toString();
        long redemption = post("shopper", "/rewards/" + rewardId + "/redemptions", null, key).statusCode(201)
                .body("code", matchesPattern("QM-[A-Z2-9]{12}")).body("points", equalTo(300)).body("couponId", nullValue())
                .extract().jsonPath().getLong("id");
        post("shopper", "/rewards/" + rewardId + "/redemptions", null, key).statusCode(201)
                .body("id", equalTo((int) redemption));
        assertEquals(before - 300, balance(shopper));
        assertEquals(4, left(rewardId));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/rewards/redemptions/me").then().statusCode(200)
                .body("id", hasItem((int) redemption));
        given().when().get("/rewards").then().statusCode(200).body("find { it.id == %d }.left".formatted(rewardId), equalTo(4));
    }

    @Test
    void a_coupon_reward_puts_its_coupon_in_the_wallet() {
        String shopper = Tokens.subjectOf("shopper");
        fund(shopper, 500);
        long templateId = template(changes());
        long rewardId = offer(changes("name", "¥10 off", "kind", "COUPON", "couponTemplateId", templateId,
                "pointsCost", 500, "stock", 10, "perShopperLimit", 1));
        long couponId = post("shopper", "/rewards/" + rewardId + "/redemptions", null).statusCode(201)
                .extract().jsonPath().getLong("couponId");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/coupons/me").then().statusCode(200)
                .body("id", hasItem((int) couponId));
    }

    @Test
    void a_redemption_refused_changes_nothing() {
        String shopper = Tokens.subjectOf("shopper2");
        long poor = offer(voucher(100_000_000, 5, 5));
        long before = balance(shopper);
        post("shopper2", "/rewards/" + poor + "/redemptions", null).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "insufficient-points"));
        assertEquals(5, left(poor));
        assertEquals(before, balance(shopper));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> RewardRedemption.count(shopper, poor)));

        fund(shopper, 20);
        long single = offer(voucher(10, 1, 5));
        post("shopper2", "/rewards/" + single + "/redemptions", null).statusCode(201);
        post("shopper2", "/rewards/" + single + "/redemptions", null).statusCode(409)
                .body("type", equalTo(PROBLEMS + "reward-sold-out"));
        post("merchant2", "/operator/rewards/" + single + "/end", null).statusCode(404);
        post("merchant", "/operator/rewards/" + single + "/end", null).statusCode(200).body("status", equalTo("ENDED"));
        post("shopper2", "/rewards/" + single + "/redemptions", null).statusCode(409)
                .body("type", equalTo(PROBLEMS + "reward-ended"));
        post("shopper2", "/rewards/987654321/redemptions", null).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_offer_that_does_not_fit_together_is_refused() {
        post("merchant", "/operator/rewards", changes("name", "x", "kind", "VOUCHER", "couponTemplateId", 1,
                "pointsCost", 10, "stock", 1, "perShopperLimit", 1)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "reward-kind-mismatch"));
        post("merchant", "/operator/rewards", voucher(-1, 1, 1)).statusCode(400).contentType("application/problem+json");
        post("merchant", "/operator/rewards", voucher(10, -1, 1)).statusCode(400);
        post("merchant", "/operator/rewards", changes("name", "x", "kind", "COUPON", "couponTemplateId", 987654321,
                "pointsCost", 10, "stock", 1, "perShopperLimit", 1)).statusCode(404);
        post("shopper", "/operator/rewards", voucher(10, 1, 1)).statusCode(403);
    }

    @Test
    void fifty_parallel_redemptions_by_one_shopper_get_exactly_their_limit() throws Exception {
        String shopper = "rewards-" + UUID.randomUUID();
        fund(shopper, 10_000);
        long rewardId = offer(voucher(10, 100, 3));
        var outcomes = counted(race(50, i -> () -> attempt(() -> rewards.redeem(shopper, rewardId))));
        assertEquals(Map.of("ok", 3L, "reward-limit-reached", 47L), outcomes);
        assertEquals(10_000 - 30, balance(shopper));
        assertEquals(97, left(rewardId));
    }

    @Test
    void a_hundred_parallel_redemptions_and_points_checkouts_against_one_account_never_overspend() throws Exception {
        String shopper = "rewards-" + UUID.randomUUID();
        fund(shopper, 1_000);
        long rewardId = offer(voucher(15, 1_000, 1_000));
        var outcomes = counted(race(100, i -> i % 2 == 0
                ? () -> attempt(() -> rewards.redeem(shopper, rewardId))
                : () -> attempt(() -> holds.hold(SagaEvents.newOrderId(), shopper, 15, new Money(1_000, "CNY")))));
        long held = QuarkusTransaction.requiringNew().call(() ->
                io.quarkmall.loyalty.domain.PointsAccount.<io.quarkmall.loyalty.domain.PointsAccount>findById(shopper).held());
        long redeemed = QuarkusTransaction.requiringNew().call(() -> RewardRedemption.count(shopper, rewardId));
        assertEquals(66, held / 15 + redeemed, "outcomes " + outcomes);
        assertEquals(10, balance(shopper));
    }

    /** "ok", or the type of the rule that refused it. */
    private static String attempt(Runnable inTransaction) {
        try {
            QuarkusTransaction.requiringNew().run(inTransaction);
            return "ok";
        } catch (RuleViolation e) {
            return e.type();
        }
    }
}
