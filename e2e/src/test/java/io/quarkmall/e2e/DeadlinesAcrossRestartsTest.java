package io.quarkmall.e2e;

import static io.quarkmall.e2e.Shop.SAGA;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.testing.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deadlines cart-order keeps (an order's payment window, an after-sales request's review deadline)
 * live in its database, not in a timer of the process: one that passes while cart-order is down
 * (kill -9; the deadline moved into the past in the database meanwhile, as the clock would) fires
 * once after the restart, and its effects (stock released, money refunded) happen once.
 */
@ExtendWith(Mall.class)
class DeadlinesAcrossRestartsTest {

    @Test
    void a_payment_window_that_closes_while_cart_order_is_down_cancels_the_order_once_after_the_restart() throws Exception {
        String shopper = Shoppers.ensure("unpaid-" + Shop.marker() + "-%d", 1).getFirst();
        String sku = "E2E-DEADLINE-" + Shop.marker();
        Shop.listFindable(sku, "岩茶", 8_800, 10);
        long orderId = Shop.orderOf(shopper, sku, 2);
        Shop.awaitStatus(shopper, orderId, "STOCK_RESERVED");
        await().atMost(SAGA).until(() -> Shop.available(sku) == 8);

        Mall.running().kill("cart-order");
        try (var db = MallLedgers.open()) {
            db.expire("cart-order", "shop_order", "pay_by", orderId);
        }
        Mall.running().start("cart-order");

        Shop.awaitStatus(shopper, orderId, "CANCELLED");
        Shop.order(shopper, orderId).body("cancelReason", equalTo("UNPAID_TIMEOUT"));
        await().atMost(SAGA).until(() -> Shop.available(sku) == 10);
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> Shop.available(sku) == 10);
        try (var db = MallLedgers.open()) {
            assertEquals(1, db.outboxEvents(orderId, "OrderCancelled"), "cancelled once, whatever the sweeps after the restart saw");
        }
    }

    @Test
    void a_review_deadline_that_passes_while_cart_order_is_down_approves_the_request_once_after_the_restart() throws Exception {
        String shopper = Shoppers.ensure("deadline-" + Shop.marker() + "-%d", 1).getFirst();
        String sku = "E2E-DEADLINE-" + Shop.marker();
        Shop.listFindable(sku, "单丛", 12_800, 10);
        long orderId = Shop.orderOf(shopper, sku, 2);
        Shop.payWhenPayable(shopper, orderId, "tok_sandbox_success").then().statusCode(201);
        Shop.awaitStatus(shopper, orderId, "DELIVERED");
        long requestId = Shop.post(shopper, "/api/cart-order/orders/" + orderId + "/after-sales",
                "{\"reason\":\"DAMAGED\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}").then().statusCode(201)
                .body("status", equalTo("REQUESTED")).extract().jsonPath().getLong("id");

        Mall.running().kill("cart-order");
        try (var db = MallLedgers.open()) {
            db.expire("cart-order", "after_sales_request", "respond_by", requestId);
        }
        Mall.running().start("cart-order");

        await().atMost(SAGA).untilAsserted(() -> given().auth().oauth2(Tokens.of(shopper)).when()
                .get("/api/cart-order/orders/{id}/after-sales", orderId).then().statusCode(200)
                .body("[0].status", equalTo("REFUNDED")).body("[0].decidedBy", equalTo("REVIEW_DEADLINE")));
        Thread.sleep(Duration.ofSeconds(6)); // the sweep (every 5 s) comes by again
        try (var db = MallLedgers.open()) {
            assertEquals(1, db.outboxEvents(orderId, "OrderRefundApproved"), "approved once");
            assertEquals(1, db.refundsUnder("after-sales-" + requestId), "refunded once");
        }
        given().auth().oauth2(Tokens.of(shopper)).when().get("/api/pay/payments").then().statusCode(200)
                .body("find { it.orderId == %d }.refunded.amountMinor".formatted(orderId), equalTo(12_800));
    }
}
