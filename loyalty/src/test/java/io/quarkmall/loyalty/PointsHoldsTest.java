package io.quarkmall.loyalty;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.PointsAccount;
import io.quarkmall.loyalty.domain.PointsHold;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.service.PointsHolds;
import io.quarkmall.loyalty.service.PointsLedger;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PointsHoldsTest {

    private static final String ORDERS = "test.loyalty.order.v1";

    @Inject
    PointsHolds holds;

    @Inject
    PointsLedger ledger;

    private static String newShopper() {
        return "holds-" + UUID.randomUUID();
    }

    /** A credit of its own each time (a ledger entry is once per reference): the demo shopper is funded again on every run. */
    private void fund(String shopper, long points) {
        QuarkusTransaction.requiringNew().run(() ->
                ledger.credit(shopper, points, "TEST_CREDIT", "funds-" + UUID.randomUUID()));
    }

    private void hold(long orderId, String shopper, long points, long moneyMinor) {
        QuarkusTransaction.requiringNew().run(() -> holds.hold(orderId, shopper, points, new Money(moneyMinor, "CNY")));
    }

    private PointsAccount account(String shopper) {
        return QuarkusTransaction.requiringNew().call(() -> PointsAccount.<PointsAccount>findById(shopper));
    }

    private PointsHold.Status status(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> PointsHold.ofOrder(orderId).orElseThrow().status());
    }

    @Test
    void points_held_for_an_order_leave_the_balance_and_are_spent_when_it_is_paid() {
        String shopper = newShopper();
        fund(shopper, 1_000);
        long orderId = SagaEvents.newOrderId();
        hold(orderId, shopper, 600, 9_400);
        assertEquals(400, account(shopper).balance());
        assertEquals(600, account(shopper).held());
        QuarkusTransaction.requiringNew().run(() -> holds.orderPaid(orderId));
        QuarkusTransaction.requiringNew().run(() -> holds.orderPaid(orderId));
        assertEquals(PointsHold.Status.SPENT, status(orderId));
        assertEquals(400, account(shopper).balance());
        assertEquals(0, account(shopper).held());
    }

    @Test
    void a_cancelled_unpaid_order_gives_its_points_back_once() {
        String shopper = newShopper();
        fund(shopper, 1_000);
        long orderId = SagaEvents.newOrderId();
        hold(orderId, shopper, 600, 9_400);
        QuarkusTransaction.requiringNew().run(() -> holds.orderCancelled(orderId));
        QuarkusTransaction.requiringNew().run(() -> holds.orderCancelled(orderId));
        assertEquals(PointsHold.Status.RELEASED, status(orderId));
        assertEquals(1_000, account(shopper).balance());
        assertEquals(0, account(shopper).held());
    }

    @Test
    void a_short_balance_refuses_the_hold_and_changes_nothing() {
        String shopper = newShopper();
        fund(shopper, 100);
        long orderId = SagaEvents.newOrderId();
        hold(orderId, shopper, 600, 9_400);
        assertEquals(PointsHold.Status.REFUSED, status(orderId));
        assertEquals(100, account(shopper).balance());
        assertEquals(0, account(shopper).held());
        QuarkusTransaction.requiringNew().run(() -> holds.orderCancelled(orderId));
        assertEquals(100, account(shopper).balance());
    }

    @Test
    void refunds_return_the_points_in_proportion_to_the_money_refunded() {
        String shopper = newShopper();
        fund(shopper, 1_000);
        long orderId = SagaEvents.newOrderId();
        hold(orderId, shopper, 900, 9_000);
        QuarkusTransaction.requiringNew().run(() -> holds.orderPaid(orderId));
        QuarkusTransaction.requiringNew().run(() -> holds.orderRefunded(orderId, new Money(3_000, "CNY")));
        assertEquals(100 + 300, account(shopper).balance());
        QuarkusTransaction.requiringNew().run(() -> holds.orderRefunded(orderId, new Money(6_000, "CNY")));
        assertEquals(1_000, account(shopper).balance());
        QuarkusTransaction.requiringNew().run(() -> holds.orderRefunded(orderId, new Money(1_000, "CNY")));
        assertEquals(1_000, account(shopper).balance());
    }

    @Test
    void an_order_paid_wholly_in_points_and_cancelled_after_payment_gets_them_all_back() {
        String shopper = newShopper();
        fund(shopper, 500);
        long orderId = SagaEvents.newOrderId();
        hold(orderId, shopper, 500, 0);
        QuarkusTransaction.requiringNew().run(() -> holds.orderPaid(orderId));
        QuarkusTransaction.requiringNew().run(() -> holds.orderCancelled(orderId));
        QuarkusTransaction.requiringNew().run(() -> holds.orderCancelled(orderId));
        assertEquals(500, account(shopper).balance());
    }

    @Test
    void a_hundred_orders_racing_for_one_balance_hold_no_more_than_it_has() throws Exception {
        String shopper = newShopper();
        fund(shopper, 1_000);
        var pool = Executors.newFixedThreadPool(32);
        var start = new CountDownLatch(1);
        var orders = new ArrayList<Long>();
        var results = new ArrayList<Future<?>>();
        for (int i = 0; i < 100; i++) {
            long orderId = SagaEvents.newOrderId();
            orders.add(orderId);
            results.add(pool.submit(() -> {
                start.await();
                hold(orderId, shopper, 15, 1_000);
                return null;
            }));
        }
        start.countDown();
        for (var result : results) {
            result.get();
        }
        pool.shutdown();
        long held = orders.stream().filter(id -> status(id) == PointsHold.Status.HELD).count();
        assertEquals(66, held);
        assertEquals(10, account(shopper).balance());
        assertEquals(990, account(shopper).held());
    }

    @Test
    void an_order_placed_with_points_on_order_v1_holds_them_and_its_cancellation_gives_them_back() {
        String shopper = Tokens.subjectOf("shopper");
        fund(shopper, 250);
        long before = QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopper));
        long orderId = SagaEvents.newOrderId();
        SagaEvents.send(ORDERS, orderId, SagaEvents.publish(ORDERS, "OrderPlaced", orderId, """
                {"orderId":%d,"shopperId":"%s","lines":[],"total":{"amountMinor":9800,"currency":"CNY"},
                 "subtotal":{"amountMinor":10000,"currency":"CNY"},"pointsUsed":200,
                 "pointsDiscount":{"amountMinor":200,"currency":"CNY"}}""".formatted(orderId, shopper)));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                PointsHold.ofOrder(orderId).isPresent()));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/accounts/me").then().statusCode(200)
                .body("held", equalTo(200));
        SagaEvents.send(ORDERS, orderId, SagaEvents.publish(ORDERS, "OrderCancelled", orderId, """
                {"orderId":%d,"shopperId":"%s","reason":"UNPAID_TIMEOUT","compensation":{"stock":"RELEASE","refund":null}}"""
                .formatted(orderId, shopper)));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(orderId) == PointsHold.Status.RELEASED);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopper)));
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.count("orderId", orderId)));
    }
}
