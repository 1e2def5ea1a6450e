package io.quarkmall.e2e;

import static io.quarkmall.e2e.Shop.SAGA;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.testing.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One shopper's order through catalog, cart-order, stock, pay, loyalty and shipping, over Kafka. */
@ExtendWith(Mall.class)
class CheckoutJourneyTest {

    @Test
    void a_listed_product_is_found_bought_paid_shipped_delivered_and_completed_and_earns_points() {
        long began = System.nanoTime();
        String m = Shop.marker();
        String sku = "E2E-" + m;
        long productId = Shop.listProduct(sku, "西湖龙井 " + m, 12_800, 10);
        Shop.awaitFindable("龙井 " + m, productId, sku);
        Shop.emptyCart("shopper");
        Shop.putInCart("shopper", sku, 2).statusCode(200).body("totals[0].amountMinor", equalTo(25_600));
        long pointsBefore = Shop.points("shopper");

        long orderId = Shop.checkout("shopper", UUID.randomUUID().toString()).then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
        Shop.awaitStatus("shopper", orderId, "STOCK_RESERVED");
        Shop.payWhenPayable("shopper", orderId, "tok_sandbox_success").then().statusCode(201).body("status", equalTo("CAPTURED"));
        Shop.awaitStatus("shopper", orderId, "DELIVERED");
        Shop.post("shopper", "/api/cart-order/orders/" + orderId + "/receipt", null).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        Shop.order("shopper", orderId).body("timeline.status",
                contains("PENDING", "STOCK_RESERVED", "PAID", "FULFILLING", "SHIPPED", "DELIVERED", "COMPLETED"));
        Shop.stock(sku).body("onHand", equalTo(8)).body("reserved", equalTo(0));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/api/pay/payments").then().statusCode(200)
                .body("find { it.orderId == %d }.status".formatted(orderId), equalTo("CAPTURED"));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/api/shipping/shipments").then().statusCode(200)
                .body("find { it.orderId == %d }.status".formatted(orderId), equalTo("DELIVERED"));
        // 256 points at the base rate of 1 a yuan, more if the shopper's tier multiplies them
        await().atMost(SAGA).until(() -> Shop.points("shopper") >= pointsBefore + 256);
        System.out.printf("[e2e] list → search → cart → checkout → pay → deliver → complete took %.1f s "
                + "(the SF-like sandbox carrier: a booking, then 5 scans 2 s apart)%n", (System.nanoTime() - began) / 1e9);

        given().auth().oauth2(Tokens.of("shopper2")).when().get("/api/cart-order/orders/{id}", orderId).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_order_for_more_than_is_in_stock_is_cancelled_with_the_reason() {
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "紫砂壶", 50_000, 1);
        long orderId = Shop.orderOf("shopper", sku, 2);
        Shop.awaitStatus("shopper", orderId, "CANCELLED");
        Shop.order("shopper", orderId).body("cancelReason", equalTo("STOCK_REJECTED"))
                .body("timeline[1].note", equalTo("Out of stock: %s (wanted 2, 1 left)".formatted(sku)));
        // pay asks cart-order about an order it never heard of: cancelled, so it cannot be paid
        Shop.pay("shopper", orderId, "tok_sandbox_success").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(1, Shop.available(sku));
    }

    @Test
    void a_declined_payment_keeps_the_order_and_its_stock_until_another_card_pays_it() {
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "茶饼", 9_900, 5);
        long orderId = Shop.orderOf("shopper", sku, 2);
        Shop.awaitStatus("shopper", orderId, "STOCK_RESERVED");
        assertEquals(3, Shop.available(sku));
        Shop.payWhenPayable("shopper", orderId, "tok_sandbox_decline").then().statusCode(201).body("status", equalTo("DECLINED"));
        await().atMost(SAGA).untilAsserted(() -> Shop.order("shopper", orderId)
                .body("timeline.note", hasItem("Payment attempt failed (DECLINED); the order can still be paid")));
        Shop.order("shopper", orderId).body("status", equalTo("STOCK_RESERVED"));
        assertEquals(3, Shop.available(sku), "the stock stays held for the next attempt");
        Shop.payWhenPayable("shopper", orderId, "tok_sandbox_success").then().statusCode(201).body("status", equalTo("CAPTURED"));
        await().atMost(SAGA).untilAsserted(() -> Shop.order("shopper", orderId).body("timeline.status", hasItem("PAID")));
    }

    @Test
    void a_paid_order_cancelled_before_it_ships_is_refunded_and_its_stock_and_points_come_back() {
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "茶则", 20_000, 4);
        long pointsBefore = Shop.points("shopper");
        long orderId = Shop.orderOf("shopper", sku, 1);
        Shop.awaitStatus("shopper", orderId, "STOCK_RESERVED");
        Shop.payWhenPayable("shopper", orderId, "tok_sandbox_success").then().statusCode(201);
        // Paid as the order shows it (PAID on its timeline; the carrier picks the parcel up one 2 s
        // step after booking it): a capture that reaches an order already cancelled earns no points at all
        // (cart-order announces no OrderPaid for it) and pay refunds it.
        await().atMost(SAGA).untilAsserted(() -> Shop.order("shopper", orderId).body("timeline.status", hasItem("PAID")));
        Shop.post("shopper", "/api/cart-order/orders/" + orderId + "/cancellation", null).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("SHOPPER_CANCELLED"));

        await().atMost(SAGA).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/api/pay/payments").then().body("find { it.orderId == %d }.status".formatted(orderId), equalTo("REFUNDED")));
        await().atMost(SAGA).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/api/loyalty/accounts/me").then().statusCode(200)
                .body("entries[0].reason", equalTo("REVERSED_FOR_REFUND"))
                .body("entries[1].reason", equalTo("EARNED_FOR_ORDER"))
                .body("entries[1].points", org.hamcrest.Matchers.greaterThanOrEqualTo(200)));
        var entries = given().auth().oauth2(Tokens.of("shopper")).when().get("/api/loyalty/accounts/me").then()
                .extract().jsonPath();
        assertEquals(-entries.getLong("entries[1].points"), entries.getLong("entries[0].points"),
                "the refund took back exactly what the order earned");
        assertEquals(pointsBefore, Shop.points("shopper"), "the points earned (200 at the base rate) were taken back");
        await().atMost(SAGA).untilAsserted(() -> Shop.stock(sku).body("onHand", equalTo(4)).body("reserved", equalTo(0)));
        // shipping hears of the payment and of the cancellation in either order: no parcel, or a cancelled one
        await().atMost(SAGA).during(Duration.ofSeconds(4)).until(() -> {
            String parcel = given().auth().oauth2(Tokens.of("shopper")).when().get("/api/shipping/shipments").then()
                    .extract().path("find { it.orderId == %d }.status".formatted(orderId));
            return parcel == null || parcel.equals("CANCELLED");
        });
    }

    @Test
    void the_same_checkout_sent_twice_with_one_idempotency_key_makes_one_order() {
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "茶针", 1_000, 10);
        Shop.emptyCart("shopper");
        Shop.putInCart("shopper", sku, 3).statusCode(200);
        String key = UUID.randomUUID().toString();
        long first = Shop.checkout("shopper", key).then().statusCode(201).extract().jsonPath().getLong("id");
        Shop.checkout("shopper", key).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo((int) first));
        Shop.awaitStatus("shopper", first, "STOCK_RESERVED");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> Shop.available(sku) == 7);
        Shop.cancel("shopper", first); // a shopper may hold only a few unpaid orders at once
    }
}
