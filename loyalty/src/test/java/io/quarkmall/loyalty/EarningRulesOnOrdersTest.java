package io.quarkmall.loyalty;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.service.LaterEarnings;
import io.quarkmall.loyalty.service.OrderRewards;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's rules on real order events: on payment (through order.v1), on completion, and
 * when a return window closes on a moved clock. Each rule names a SKU of its own, so it changes no
 * other test's points, and is deleted afterwards.
 */
@QuarkusTest
class EarningRulesOnOrdersTest {

    private static final String ORDERS = "test.loyalty.order.v1";

    @Inject
    OrderRewards rewards;
    @Inject
    LaterEarnings later;
    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private PaidOrders orders() {
        return new PaidOrders(rewards);
    }

    private static String newShopper() {
        return "rules-" + UUID.randomUUID();
    }

    private static String newSku() {
        return "RULED-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long rule(String json) {
        return given().auth().oauth2(Tokens.of("admin")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(json).when().post("/earning-rules").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static void deleteRule(long id) {
        given().auth().oauth2(Tokens.of("admin")).when().delete("/earning-rules/{id}", id).then().statusCode(204);
    }

    private static long orderPoints(long orderId, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.<PointsLedgerEntry>list(
                "orderId = ?1 and reason = ?2", orderId, reason).stream().mapToLong(PointsLedgerEntry::points).sum());
    }

    private static long entriesWithReference(String shopper, String reason) {
        return LedgerFacts.entries(shopper, reason);
    }

    @Test
    void a_rule_set_through_the_api_doubles_its_product_on_the_next_order_paid_on_order_v1() {
        String sku = newSku();
        long id = rule("""
                {"name":"Double tea","trigger":"PAID","scope":"PRODUCT","sku":"%s","multiplierBasisPoints":20000}""".formatted(sku));
        try {
            String shopper = newShopper();
            long orderId = PaidOrders.newOrderId();
            String paid = SagaEvents.publish(ORDERS, "OrderPaid", orderId, """
                    {"orderId":%d,"shopperId":"%s","total":{"amountMinor":5000,"currency":"CNY"},
                     "lines":[{"sku":"%s","quantity":1,"unitPrice":{"amountMinor":3000,"currency":"CNY"}},
                              {"sku":"OTHER","quantity":2,"unitPrice":{"amountMinor":1000,"currency":"CNY"}}]}"""
                    .formatted(orderId, shopper, sku));
            SagaEvents.send(ORDERS, orderId, paid); // redelivered

            await().atMost(Duration.ofSeconds(30)).until(() -> orderPoints(orderId, PointsLedgerEntry.EARNED_FOR_ORDER) > 0);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    orderPoints(orderId, PointsLedgerEntry.EARNED_FOR_ORDER) == 30 * 2 + 20);
            assertEquals(1, LedgerFacts.entries(shopper, PointsLedgerEntry.EARNED_FOR_ORDER));
        } finally {
            deleteRule(id);
        }
    }

    @Test
    void a_completion_rule_grants_its_bonus_when_the_order_completes_once() {
        String sku = newSku();
        long id = rule("""
                {"name":"Receipt bonus","trigger":"COMPLETED","scope":"PRODUCT","sku":"%s","bonusPerUnit":15}""".formatted(sku));
        try {
            String shopper = newShopper();
            long orderId = PaidOrders.newOrderId();
            orders().pay(orderId, shopper, 6_000, Instant.now(), List.of(PaidOrders.line(sku, 2, 3_000)));
            assertEquals(0, LedgerFacts.entries(shopper, LaterEarnings.EARNED_ON_COMPLETION));

            orders().complete(orderId, Instant.now());
            orders().complete(orderId, Instant.now()); // a second OrderCompleted changes nothing
            orders().complete(PaidOrders.newOrderId(), Instant.now()); // an order loyalty never saw paid: nothing

            assertEquals(30, orderPoints(orderId, LaterEarnings.EARNED_ON_COMPLETION));
            assertEquals(1, LedgerFacts.entries(shopper, LaterEarnings.EARNED_ON_COMPLETION));
        } finally {
            deleteRule(id);
        }
    }

    @Test
    void a_return_window_rule_grants_once_when_its_window_closes_and_never_for_a_refunded_order() {
        String sku = newSku();
        long id = rule("""
                {"name":"Kept it a week","trigger":"RETURN_WINDOW_CLOSED","returnWindowDays":7,"scope":"PRODUCT","sku":"%s",
                 "multiplierBasisPoints":10000}""".formatted(sku));
        try {
            String shopper = newShopper();
            long kept = PaidOrders.newOrderId();
            long refunded = PaidOrders.newOrderId();
            orders().pay(kept, shopper, 4_000, Instant.now(), List.of(PaidOrders.line(sku, 1, 4_000)));
            orders().pay(refunded, shopper, 2_000, Instant.now(), List.of(PaidOrders.line(sku, 1, 2_000)));
            orders().refund(refunded, shopper, 2_000);
            orders().complete(kept, Instant.now());
            orders().complete(refunded, Instant.now());

            later.settleClosedReturnWindows();
            assertEquals(0, LedgerFacts.entries(shopper, LaterEarnings.EARNED_AFTER_RETURN_WINDOW), "the window is still open");

            clock.moveBy(Duration.ofDays(7).plusMinutes(1));
            later.settleClosedReturnWindows();
            later.settleClosedReturnWindows();

            assertEquals(40, orderPoints(kept, LaterEarnings.EARNED_AFTER_RETURN_WINDOW));
            assertEquals(0, orderPoints(refunded, LaterEarnings.EARNED_AFTER_RETURN_WINDOW));
            assertEquals(1, entriesWithReference(shopper, LaterEarnings.EARNED_AFTER_RETURN_WINDOW));
        } finally {
            deleteRule(id);
        }
    }
}
