package io.quarkmall.loyalty;

import static io.quarkmall.loyalty.CouponFixtures.changes;
import static io.quarkmall.loyalty.CouponFixtures.claim;
import static io.quarkmall.loyalty.CouponFixtures.template;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.loyalty.domain.Coupon;
import io.quarkmall.loyalty.domain.CouponUse;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.Arrays;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * loyalty follows order.v1 for coupons: a placed order's coupons are used once and the outcome is
 * announced on loyalty.coupons.v1 (CouponsUsed, or CouponsRefused with none used); a cancelled
 * order's coupons go back to the wallet once. Real messages through Kafka, each sent twice.
 */
@QuarkusTest
class OrderCouponsTest {

    private static final String ORDERS = "test.loyalty.order.v1";
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");

    @AfterEach
    void theBooksBalance() {
        CouponBooks.balance();
    }

    private static String shopper() {
        return Tokens.subjectOf("shopper");
    }

    private static long freshCoupon() {
        return claim("shopper", template(changes()));
    }

    /** OrderPlaced on order.v1 for {@code couponIds} (¥10 off each on ¥100), delivered twice; answers the envelope. */
    private static String placed(long orderId, Long... couponIds) {
        String ids = Arrays.stream(couponIds).map(String::valueOf).collect(Collectors.joining(","));
        long discount = 1_000L * couponIds.length;
        String envelope = SagaEvents.publish(ORDERS, "OrderPlaced", orderId, """
                {"orderId":%d,"shopperId":"%s","lines":[{"sku":"TEA","quantity":1,"unitPrice":{"amountMinor":10000,"currency":"CNY"}}],
                 "total":{"amountMinor":%d,"currency":"CNY"},"subtotal":{"amountMinor":10000,"currency":"CNY"},"pointsUsed":0,
                 "pointsDiscount":{"amountMinor":0,"currency":"CNY"},"couponIds":[%s],
                 "couponDiscount":{"amountMinor":%d,"currency":"CNY"}}"""
                .formatted(orderId, shopper(), 10_000 - discount, ids, discount));
        SagaEvents.send(ORDERS, orderId, envelope);
        return envelope;
    }

    /** loyalty's order.v1 consumer has applied the event (its inbox holds the event id). */
    private static boolean applied(String envelope) {
        var eventId = EVENT_ID.matcher(envelope);
        assertTrue(eventId.find());
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Coupon.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE consumer = 'loyalty.orders' AND event_id = ?1")
                .setParameter(1, UUID.fromString(eventId.group(1))).getSingleResult()).longValue() == 1);
    }

    private static void cancelled(long orderId) {
        String envelope = SagaEvents.publish(ORDERS, "OrderCancelled", orderId, """
                {"orderId":%d,"shopperId":"%s","reason":"SHOPPER_CANCELLED","compensation":{"stock":"RELEASE","refund":null}}"""
                .formatted(orderId, shopper()));
        SagaEvents.send(ORDERS, orderId, envelope);
    }

    /** What loyalty announced on loyalty.coupons.v1 about the order, oldest first. */
    private static List<String> announced(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "topic like ?1 and recordKey = ?2 order by id", "%loyalty.coupons.v1", Long.toString(orderId)))
                .stream().map(OutboxEvent::envelope).toList();
    }

    /** Waits for the order's one announcement, and a while longer to see that no second one follows. */
    private static String theOneAnnouncement(long orderId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !announced(orderId).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> announced(orderId).size() == 1);
        return announced(orderId).getFirst();
    }

    private static Coupon coupon(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Coupon.<Coupon>findById(id));
    }

    @Test
    void an_order_placed_with_coupons_uses_them_once_and_says_so() {
        long a = freshCoupon();
        long b = freshCoupon();
        long orderId = SagaEvents.newOrderId();
        placed(orderId, a, b);

        String used = theOneAnnouncement(orderId);
        assertThat(used, containsString("\"type\":\"CouponsUsed\""));
        assertThat(used, containsString("\"orderId\":%d,\"shopperId\":\"%s\",\"couponIds\":[%d,%d]".formatted(orderId, shopper(), a, b)));
        assertEquals(Coupon.Status.USED, coupon(a).status());
        assertEquals(orderId, coupon(b).orderId().orElseThrow());
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> CouponUse.count("orderId", orderId)));

        long withoutCoupons = SagaEvents.newOrderId();
        String placedWithout = placed(withoutCoupons);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(placedWithout));
        assertEquals(List.of(), announced(withoutCoupons), "an order without coupons has nothing to announce");
    }

    @Test
    void a_coupon_another_order_used_meanwhile_refuses_the_order_and_none_of_its_coupons_is_used() {
        long b = freshCoupon();
        long a = freshCoupon(); // after b in id order: b is looked at first, and must stay unused when a refuses
        long first = SagaEvents.newOrderId();
        placed(first, a);
        assertThat(theOneAnnouncement(first), containsString("\"type\":\"CouponsUsed\""));

        long second = SagaEvents.newOrderId();
        placed(second, b, a);
        String refused = theOneAnnouncement(second);
        assertThat(refused, containsString("\"type\":\"CouponsRefused\""));
        assertThat(refused, containsString("\"reason\":\"Coupon %d is already used by another order.\"".formatted(a)));
        assertEquals(Coupon.Status.AVAILABLE, coupon(b).status());
        assertEquals(first, coupon(a).orderId().orElseThrow());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> CouponUse.count("orderId", second)));
    }

    @Test
    void a_cancelled_order_returns_its_coupons_once_and_they_can_be_used_again() {
        long a = freshCoupon();
        long orderId = SagaEvents.newOrderId();
        placed(orderId, a);
        theOneAnnouncement(orderId);

        cancelled(orderId);
        await().atMost(Duration.ofSeconds(30)).until(() -> coupon(a).status() == Coupon.Status.AVAILABLE);
        var uses = QuarkusTransaction.requiringNew().call(() -> CouponUse.<CouponUse>list("couponId", a));
        assertEquals(1, uses.size());
        assertTrue(uses.getFirst().returnedAt().isPresent());

        long next = SagaEvents.newOrderId();
        placed(next, a);
        assertThat(theOneAnnouncement(next), containsString("\"type\":\"CouponsUsed\""));
        assertEquals(next, coupon(a).orderId().orElseThrow());
    }
}
