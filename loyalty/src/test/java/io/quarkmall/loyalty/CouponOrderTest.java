package io.quarkmall.loyalty;

import static io.quarkmall.loyalty.CouponFixtures.changes;
import static io.quarkmall.loyalty.CouponFixtures.claim;
import static io.quarkmall.loyalty.CouponFixtures.counted;
import static io.quarkmall.loyalty.CouponFixtures.race;
import static io.quarkmall.loyalty.CouponFixtures.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.Coupon;
import io.quarkmall.loyalty.domain.CouponUse;
import io.quarkmall.loyalty.service.CouponCheckoutService;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An order uses coupons once and a cancelled order returns them once, as the order.v1 consumer will
 * call it (in the consumer's transaction): replays change nothing.
 */
@QuarkusTest
class CouponOrderTest {

    @Inject
    CouponCheckoutService coupons;

    private static final String SHOPPER = "shopper";

    @AfterEach
    void theBooksBalance() {
        CouponBooks.balance();
    }

    private int use(long orderId, Long... couponIds) {
        return QuarkusTransaction.requiringNew().call(() -> coupons.useForOrder(Tokens.subjectOf(SHOPPER), orderId, List.of(couponIds)));
    }

    private int giveBack(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> coupons.returnForOrder(orderId));
    }

    private static String refusal(Runnable attempt) {
        return assertThrows(RuleViolation.class, attempt::run).type();
    }

    private static Coupon coupon(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Coupon.<Coupon>findById(id));
    }

    /** Time passes for one coupon: its validity ended a second ago. */
    private static void expire(long couponId) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> Coupon.update("validFrom = ?1, expiresAt = ?2 where id = ?3",
                now.minus(Duration.ofDays(2)), now.minusSeconds(1), couponId));
    }

    private static long freshCoupon() {
        return claim(SHOPPER, template(changes()));
    }

    @Test
    void an_order_uses_its_coupons_once_and_a_replay_changes_nothing() {
        long a = freshCoupon();
        long b = freshCoupon();
        long order = SagaEvents.newOrderId();
        assertEquals(2, use(order, a, b));
        assertEquals(0, use(order, b, a));
        assertEquals(Coupon.Status.USED, coupon(a).status());
        assertEquals(order, coupon(b).orderId().orElseThrow());
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> CouponUse.count("orderId", order)));
        // read as a long: JSON gives an id below 2^31 as an int, which equalTo(long) would refuse
        assertEquals(order, given().auth().oauth2(Tokens.of(SHOPPER)).queryParam("state", "USED").queryParam("size", 100)
                .when().get("/coupons/me").then().statusCode(200)
                .extract().jsonPath().getLong("find { it.id == %d }.orderId".formatted(a)));
        assertEquals("order-coupons-differ", refusal(() -> use(order, a)));
    }

    @Test
    void a_coupon_used_by_one_order_is_refused_to_another() {
        long a = freshCoupon();
        long first = SagaEvents.newOrderId();
        use(first, a);
        assertEquals("coupon-already-used", refusal(() -> use(SagaEvents.newOrderId(), a)));
        assertEquals(first, coupon(a).orderId().orElseThrow());
    }

    @Test
    void an_expired_foreign_unknown_or_unstackable_coupon_is_refused_and_nothing_is_used() {
        long fine = freshCoupon();
        long expired = freshCoupon();
        expire(expired);
        long theirs = claim("shopper2", template(changes()));
        long alone = claim(SHOPPER, template(changes("stackable", false)));

        assertEquals("coupon-expired", refusal(() -> use(SagaEvents.newOrderId(), fine, expired)));
        assertEquals("coupon-not-yours", refusal(() -> use(SagaEvents.newOrderId(), fine, theirs)));
        assertEquals("coupon-not-yours", refusal(() -> use(SagaEvents.newOrderId(), fine, 987_654_321L)));
        assertEquals("coupons-do-not-stack", refusal(() -> use(SagaEvents.newOrderId(), fine, alone)));
        assertEquals(Coupon.Status.AVAILABLE, coupon(fine).status());
        assertEquals(Coupon.State.EXPIRED, coupon(expired).stateAt(Instant.now()));
    }

    @Test
    void a_cancelled_order_returns_its_coupons_once_and_they_can_be_used_again() {
        long a = freshCoupon();
        long cancelled = SagaEvents.newOrderId();
        use(cancelled, a);
        assertEquals(1, giveBack(cancelled));
        assertEquals(0, giveBack(cancelled));
        assertEquals(0, giveBack(SagaEvents.newOrderId()));
        assertEquals(Coupon.Status.AVAILABLE, coupon(a).status());
        assertEquals(0, use(cancelled, a), "the cancelled order's use, delivered again, does not use the coupon again");
        assertEquals(Coupon.Status.AVAILABLE, coupon(a).status());

        long next = SagaEvents.newOrderId();
        assertEquals(1, use(next, a));
        assertEquals(0, giveBack(cancelled));
        assertEquals(next, coupon(a).orderId().orElseThrow());
    }

    @Test
    void a_coupon_returned_after_its_validity_shows_as_expired() {
        long a = freshCoupon();
        long order = SagaEvents.newOrderId();
        use(order, a);
        expire(a);
        assertEquals(1, giveBack(order));
        given().auth().oauth2(Tokens.of(SHOPPER)).queryParam("state", "EXPIRED").queryParam("size", 100).when().get("/coupons/me")
                .then().body("find { it.id == %d }.state".formatted(a), equalTo("EXPIRED"));
    }

    @Test
    void sixteen_orders_racing_for_one_coupon_use_it_once() throws Exception {
        long a = freshCoupon();
        long base = SagaEvents.newOrderId();
        List<String> outcomes = race(16, i -> () -> {
            try {
                return use(base + i, a) == 1 ? "used" : "nothing";
            } catch (RuleViolation e) {
                return e.type();
            }
        });
        assertEquals(Map.of("used", 1L, "coupon-already-used", 15L), counted(outcomes));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> CouponUse.count("couponId", a)));
    }

    @Test
    void sixteen_deliveries_of_one_orders_use_and_return_apply_once() throws Exception {
        long a = freshCoupon();
        long order = SagaEvents.newOrderId();
        assertEquals(Map.of("1", 1L, "0", 15L), counted(race(16, i -> () -> Integer.toString(use(order, a)))));
        assertEquals(Map.of("1", 1L, "0", 15L), counted(race(16, i -> () -> Integer.toString(giveBack(order)))));
        assertEquals(Coupon.Status.AVAILABLE, coupon(a).status());
    }
}
