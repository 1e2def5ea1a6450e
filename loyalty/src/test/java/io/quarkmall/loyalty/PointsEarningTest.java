package io.quarkmall.loyalty;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.PaidOrder;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.Purchase;
import io.quarkmall.loyalty.service.EarningService;
import io.quarkmall.loyalty.service.OrderRewards;
import io.quarkmall.loyalty.service.TierService;
import io.quarkmall.loyalty.service.PointsLedger;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PointsEarningTest {

    @Inject
    EarningService earning;

    @Inject
    PointsLedger ledger;

    @Inject
    OrderRewards rewards;

    @Inject
    TierService tiers;

    private static final String ORDERS = "test.loyalty.order.v1";

    private static long newOrderId() {
        return SagaEvents.newOrderId();
    }

    /** An order of that many fen, paid now, that names no lines. */
    private static Purchase paid(long amountMinor) {
        return new Purchase(new Money(amountMinor, "CNY"), List.of(), Instant.now());
    }

    private static long balanceThroughTheApi() {
        return given().auth().oauth2(Tokens.of("shopper")).when().get("/accounts/me")
                .then().statusCode(200).extract().jsonPath().getLong("balance");
    }

    private static String orderPaid(UUID eventId, long orderId, String shopperId, long amountMinor) {
        return """
                {"eventId":"%s","type":"OrderPaid","occurredAt":"%s","aggregateId":"%d","payload":
                 {"orderId":%d,"shopperId":"%s","total":{"amountMinor":%d,"currency":"CNY"},"lines":[]}}"""
                .formatted(eventId, Instant.now(), orderId, orderId, shopperId, amountMinor);
    }

    /**
     * Makes the demo shopper, who keeps their orders from run to run, one who has paid before (so
     * the test's order earns no first-order bonus), and answers the multiplier of their tier.
     */
    private int returningShoppersTierMultiplier(String shopper) {
        QuarkusTransaction.requiringNew().run(() ->
                rewards.paid(newOrderId(), shopper, new Money(1, "CNY"), List.of(), Instant.now()));
        return tiers.standingOf(shopper).tier().multiplierBasisPoints();
    }

    @Test
    void a_paid_order_earns_points_once_and_the_shopper_sees_them() throws Exception {
        long expected = 199L * returningShoppersTierMultiplier(Tokens.subjectOf("shopper")) / 10_000;
        long before = balanceThroughTheApi();
        long orderId = newOrderId();
        String event = orderPaid(UUID.randomUUID(), orderId, Tokens.subjectOf("shopper"), 19_999);
        for (String message : new String[] {"not json", event, event}) {
            SagaEvents.send(ORDERS, orderId, message);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (balanceThroughTheApi() == before && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(before + expected, balanceThroughTheApi());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.count("orderId", orderId)));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("size", 100).when().get("/accounts/me").then()
                .body("entries.find { it.orderId == %d }.points".formatted(orderId), equalTo((int) expected))
                .body("entries.find { it.orderId == %d }.reason".formatted(orderId),
                        equalTo("EARNED_FOR_ORDER"));
    }

    @Test
    void an_exchanges_replacement_earns_nothing_and_is_not_kept_as_spend() {
        String shopper = Tokens.subjectOf("shopper");
        returningShoppersTierMultiplier(shopper);
        long original = newOrderId();
        long replacement = newOrderId();
        String replacementPaid = orderPaid(UUID.randomUUID(), replacement, shopper, 19_999)
                .replace("\"lines\":[]", "\"lines\":[],\"replacementFor\":" + original);
        SagaEvents.send(ORDERS, replacement, replacementPaid);
        // an ordinary order's payment on the same key comes after it: once it earned, the replacement was read
        long after = newOrderId();
        SagaEvents.send(ORDERS, replacement, orderPaid(UUID.randomUUID(), after, shopper, 5_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                PointsLedgerEntry.ofOrder(after, PointsLedgerEntry.EARNED_FOR_ORDER).isPresent()));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.count("orderId", replacement)));
        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() ->
                PaidOrder.findByIdOptional(replacement)));
    }

    @Test
    void a_refund_announced_on_order_v1_takes_the_points_back_once() throws Exception {
        String shopper = Tokens.subjectOf("shopper");
        long earned = 50L * returningShoppersTierMultiplier(shopper) / 10_000;
        long orderId = newOrderId();
        SagaEvents.send(ORDERS, orderId, orderPaid(UUID.randomUUID(), orderId, shopper, 5_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                PointsLedgerEntry.ofOrder(orderId, PointsLedgerEntry.EARNED_FOR_ORDER).isPresent()));
        long before = balanceThroughTheApi();
        String refunded = SagaEvents.publish(ORDERS, "OrderRefunded", orderId, """
                {"orderId":%d,"shopperId":"%s","amount":{"amountMinor":5000,"currency":"CNY"}}""".formatted(orderId, shopper));
        SagaEvents.send(ORDERS, orderId, refunded);
        await().atMost(Duration.ofSeconds(30)).until(() -> balanceThroughTheApi() == before - earned);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> balanceThroughTheApi() == before - earned);
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.count("orderId", orderId)));
    }

    @Test
    void sixteen_concurrent_credits_of_one_order_credit_it_once() throws Exception {
        String shopper = "concurrent-" + UUID.randomUUID();
        long orderId = newOrderId();
        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Long>>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return QuarkusTransaction.requiringNew().call(() ->
                        earning.creditPaidOrder(shopper, orderId, paid(5_000)));
            }));
        }
        start.countDown();
        long credited = 0;
        for (var r : results) {
            credited += r.get();
        }
        pool.shutdown();
        assertEquals(50, credited);
        assertEquals(50, QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopper)));
    }

    @Test
    void the_balance_is_the_sum_of_the_ledger_after_many_orders() {
        String shopper = "many-" + UUID.randomUUID();
        long expected = 0;
        for (int i = 1; i <= 20; i++) {
            long amount = 1_000L * i + 99;
            expected += amount / 100;
            long orderId = newOrderId();
            QuarkusTransaction.requiringNew().run(() -> earning.creditPaidOrder(shopper, orderId, paid(amount)));
        }
        long sum = QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.<PointsLedgerEntry>list("shopperId", shopper)
                .stream().mapToLong(PointsLedgerEntry::points).sum());
        assertEquals(expected, sum);
        assertEquals(expected, QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopper)));
    }

    @Test
    void a_refunded_order_loyalty_kept_no_record_of_gives_all_its_points_back_once() {
        String shopper = "refunded-" + UUID.randomUUID();
        long kept = newOrderId();
        long refunded = newOrderId();
        QuarkusTransaction.requiringNew().run(() -> earning.creditPaidOrder(shopper, kept, paid(3_000)));
        QuarkusTransaction.requiringNew().run(() -> earning.creditPaidOrder(shopper, refunded, paid(5_000)));
        assertEquals(50, QuarkusTransaction.requiringNew().call(() -> earning.reverseRefundedOrder(refunded, Optional.empty())));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> earning.reverseRefundedOrder(refunded, Optional.empty())));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> earning.reverseRefundedOrder(newOrderId(), Optional.empty())));
        assertEquals(30, QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopper)));
    }

    @Test
    void each_refund_takes_back_its_share_of_the_points_earned_and_the_last_one_the_rest() {
        String shopper = "part-refunded-" + UUID.randomUUID();
        long orderId = newOrderId();
        QuarkusTransaction.requiringNew().run(() -> earning.creditPaidOrder(shopper, orderId, paid(10_000)));
        QuarkusTransaction.requiringNew().run(() -> PaidOrder.keep(orderId, shopper, new Money(10_000, "CNY"), List.of(),
                Instant.now()));
        List<Long> takenBack = new ArrayList<>();
        for (long refund : List.of(3_333L, 3_333L, 3_334L)) {
            takenBack.add(QuarkusTransaction.requiringNew().call(() -> {
                Optional<PaidOrder> paid = PaidOrder.findByIdOptional(orderId);
                paid.orElseThrow().refunded(new Money(refund, "CNY"));
                return earning.reverseRefundedOrder(orderId, paid);
            }));
        }
        assertEquals(List.of(33L, 33L, 34L), takenBack, "100 points: a third, a third, and what is left");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> earning.reverseRefundedOrder(orderId,
                PaidOrder.findByIdOptional(orderId))), "nothing more once all are back");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopper)));
        assertEquals(-100, QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.sumOfOrder(orderId,
                PointsLedgerEntry.REVERSED_FOR_REFUND)));
    }
}
