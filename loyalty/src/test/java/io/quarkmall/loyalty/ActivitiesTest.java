package io.quarkmall.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.loyalty.service.ActivityService;
import io.quarkmall.loyalty.service.OrderRewards;
import io.quarkmall.stack.testing.Tokens;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The one-off activities: a first paid order and a referral, each rewarded once whatever arrives twice. */
@QuarkusTest
class ActivitiesTest {

    @Inject
    ActivityService activities;
    @Inject
    OrderRewards rewards;

    private PaidOrders orders() {
        return new PaidOrders(rewards);
    }

    private static String newShopper() {
        return "activity-" + UUID.randomUUID();
    }

    private String codeOf(String shopper) {
        return activities.referralsOf(shopper).code();
    }

    @Test
    void a_first_paid_order_earns_its_bonus_once_however_often_it_arrives_and_a_second_order_none() {
        String shopper = newShopper();
        long first = PaidOrders.newOrderId();
        for (int delivery = 0; delivery < 3; delivery++) {
            orders().pay(first, shopper, 5_000, Instant.now(), List.of(PaidOrders.line("TEA", 1, 5_000)));
        }
        orders().pay(shopper, 8_000);

        assertEquals(1, LedgerFacts.entries(shopper, ActivityService.FIRST_PAID_ORDER));
        assertEquals(100, LedgerFacts.points(shopper, ActivityService.FIRST_PAID_ORDER));
        assertEquals(50 + 80 + 100, LedgerFacts.sum(shopper));
    }

    @Test
    void a_referred_shoppers_first_paid_order_rewards_both_shoppers_once() {
        String referrer = newShopper();
        String newcomer = newShopper();
        activities.register(newcomer, codeOf(referrer));

        long first = orders().pay(newcomer, 3_000);
        orders().pay(first, newcomer, 3_000, Instant.now(), List.of()); // the same order again
        orders().pay(newcomer, 4_000);

        assertEquals(100, LedgerFacts.points(newcomer, ActivityService.FIRST_PAID_ORDER));
        assertEquals(100, LedgerFacts.points(newcomer, ActivityService.REFERRAL_WELCOME));
        assertEquals(200, LedgerFacts.points(referrer, ActivityService.REFERRAL_REWARD));
        assertEquals(1, LedgerFacts.entries(referrer, ActivityService.REFERRAL_REWARD));
        assertEquals(200, LedgerFacts.sum(referrer));
        var summary = activities.referralsOf(referrer);
        assertEquals(1, summary.referred());
        assertEquals(1, summary.rewarded());
    }

    @Test
    void a_first_order_refunded_in_full_takes_its_bonuses_back_and_the_next_order_is_no_first_order() {
        String referrer = newShopper();
        String newcomer = newShopper();
        activities.register(newcomer, codeOf(referrer));
        long first = orders().pay(newcomer, 3_000);

        orders().refund(first, newcomer, 3_000);
        orders().pay(newcomer, 4_000);

        assertEquals(0, LedgerFacts.sum(referrer));
        assertEquals(-200, LedgerFacts.points(referrer, ActivityService.REFERRAL_REWARD_REFUNDED));
        assertEquals(-100, LedgerFacts.points(newcomer, ActivityService.FIRST_PAID_ORDER_REFUNDED));
        assertEquals(-100, LedgerFacts.points(newcomer, ActivityService.REFERRAL_WELCOME_REFUNDED));
        assertEquals(1, LedgerFacts.entries(newcomer, ActivityService.FIRST_PAID_ORDER));
        assertEquals(40, LedgerFacts.sum(newcomer));
    }

    @Test
    void a_partial_refund_leaves_the_first_order_bonus() {
        String shopper = newShopper();
        long first = orders().pay(shopper, 5_000);

        orders().refund(first, shopper, 1_000);

        assertEquals(0, LedgerFacts.entries(shopper, ActivityService.FIRST_PAID_ORDER_REFUNDED));
        assertEquals(100, LedgerFacts.points(shopper, ActivityService.FIRST_PAID_ORDER));
    }

    @Test
    void sixteen_first_orders_paid_at_once_reward_the_first_order_and_the_referral_once() throws Exception {
        String referrer = newShopper();
        String newcomer = newShopper();
        activities.register(newcomer, codeOf(referrer));
        List<Callable<Long>> payments = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            payments.add(() -> orders().pay(newcomer, 1_000));
        }

        CheckInTest.runTogether(payments, 16);

        assertEquals(1, LedgerFacts.entries(newcomer, ActivityService.FIRST_PAID_ORDER));
        assertEquals(1, LedgerFacts.entries(newcomer, ActivityService.REFERRAL_WELCOME));
        assertEquals(1, LedgerFacts.entries(referrer, ActivityService.REFERRAL_REWARD));
        assertEquals(16 * 10 + 100 + 100, LedgerFacts.sum(newcomer));
    }

    @Test
    void a_code_is_refused_to_its_owner_to_a_second_registration_after_a_paid_order_and_back_to_ones_referrer() {
        String owner = newShopper();
        String newcomer = newShopper();
        String buyer = newShopper();
        orders().pay(buyer, 1_000);

        assertEquals("own-referral-code", assertThrows(RuleViolation.class,
                () -> activities.register(owner, codeOf(owner))).type());
        activities.register(newcomer, codeOf(owner));
        assertEquals("already-referred", assertThrows(RuleViolation.class,
                () -> activities.register(newcomer, codeOf(buyer))).type());
        assertEquals("not-a-new-shopper", assertThrows(RuleViolation.class,
                () -> activities.register(buyer, codeOf(owner))).type());
        assertEquals("mutual-referral", assertThrows(RuleViolation.class,
                () -> activities.register(owner, codeOf(newcomer))).type());
        assertEquals(422, assertThrows(ProblemException.class,
                () -> activities.register(newShopper(), "NOSUCHCODE")).problem().status());
    }

    @Test
    void a_shopper_sees_one_code_and_gets_clear_4xx_for_bad_registrations() {
        String code = given().auth().oauth2(Tokens.of("shopper")).when().get("/referrals/me").then().statusCode(200)
                .body("code", matchesPattern("[2-9A-HJ-NP-Z]{8}")).extract().jsonPath().getString("code");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/referrals/me").then().statusCode(200).body("code", equalTo(code));

        register("shopper", code.toLowerCase()).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/own-referral-code"));
        register("shopper2", "NOSUCHCODE1").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/unknown-referral-code"));
        register("shopper2", "no spaces!").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("code"));
        given().auth().oauth2(Tokens.of("shopper2")).contentType(ContentType.JSON).body("{\"code\":\"%s\"}".formatted(code))
                .when().post("/referrals").then().statusCode(400)
                .body("type", equalTo("https://quarkmall.io/problems/idempotency-key-required"));
        given().when().get("/referrals/me").then().statusCode(401).contentType("application/problem+json");
    }

    private static io.restassured.response.Response register(String user, String code) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"code\":\"%s\"}".formatted(code)).when().post("/referrals");
    }
}
