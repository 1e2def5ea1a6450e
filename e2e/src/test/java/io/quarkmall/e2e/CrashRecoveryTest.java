package io.quarkmall.e2e;

import static io.restassured.RestAssured.given;

import static io.quarkmall.e2e.Shop.SAGA;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkmall.stack.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Services die at the worst moment (kill -9); no event is lost and none is applied twice. */
@ExtendWith(Mall.class)
class CrashRecoveryTest {

    @Test
    void orders_committed_but_not_yet_published_when_cart_order_dies_are_published_once_after_the_restart() throws Exception {
        String sku = "E2E-CRASH-" + Shop.marker();
        Shop.listFindable(sku, "白茶", 6_600, 10);

        // cart-order commits orders and their OrderPlaced events, but its relay never gets to publish them
        Mall.running().kill("cart-order");
        Mall.running().start("cart-order", "quarkmall.outbox.relay.enabled=false");
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(Shop.orderOf("shopper", sku, 1));
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Shop.available(sku) == 10);
        Mall.running().kill("cart-order");

        Mall.running().start("cart-order");
        for (long orderId : orders) {
            Shop.awaitStatus("shopper", orderId, "STOCK_RESERVED");
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> Shop.available(sku) == 7);
        orders.forEach(orderId -> Shop.cancel("shopper", orderId)); // a shopper may hold only a few unpaid orders
    }

    @Test
    void a_consumer_killed_as_a_payment_arrives_credits_its_points_exactly_once_after_the_restart() throws Exception {
        String sku = "E2E-CRASH-" + Shop.marker();
        Shop.listFindable(sku, "红茶", 10_000, 10);
        long orderId = Shop.orderOf("shopper", sku, 1);
        Shop.awaitStatus("shopper", orderId, "STOCK_RESERVED");
        long before = Shop.points("shopper");

        Mall.running().kill("loyalty");
        Shop.payWhenPayable("shopper", orderId, "tok_sandbox_success").then().statusCode(201);
        Mall.running().start("loyalty");
        // 100 points at the base rate of 1 a yuan, more if the shopper's tier multiplies them
        await().atMost(SAGA).until(() -> Shop.points("shopper") >= before + 100);
        long earned = Shop.points("shopper") - before;
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Shop.points("shopper") == before + earned);
        given().auth().oauth2(Tokens.of("shopper")).queryParam("size", 100).when().get("/api/loyalty/accounts/me").then()
                .body("entries.findAll { it.orderId == %d && it.reason == 'EARNED_FOR_ORDER' }.size()".formatted(orderId),
                        equalTo(1));
        await().atMost(SAGA).untilAsserted(() -> Shop.stock(sku).body("onHand", equalTo(9)).body("reserved", equalTo(0)));
    }
}
