package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.CheckoutSagaTest.awaitStatus;
import static io.quarkmall.cartorder.CheckoutSagaTest.event;
import static io.quarkmall.cartorder.CheckoutSagaTest.eventTypes;
import static io.quarkmall.cartorder.CheckoutSagaTest.listedSku;
import static io.quarkmall.cartorder.CheckoutSagaTest.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.testing.Tokens;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Points paying part of an order: held by loyalty before the order can be paid, refused if short. */
@QuarkusTest
class PointsAtCheckoutTest {

    private static final String STOCK = "test.cart-order.reservation.v1";
    private static final String POINTS = "test.cart-order.points.v1";

    private static ValidatableResponse checkoutWith(String points) {
        return given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("points", points).when().post("/checkout").then();
    }

    private static void cartOf(String sku, int quantity) {
        List<String> left = given().auth().oauth2(Tokens.of("shopper")).when().get("/cart").then().extract().path("lines.sku");
        left.forEach(old -> given().auth().oauth2(Tokens.of("shopper")).when().delete("/cart/lines/{sku}", old));
        put("shopper", sku, quantity).statusCode(200);
    }

    @Test
    void points_take_their_value_off_and_the_order_awaits_payment_once_they_are_held() {
        cartOf(listedSku(3_500), 3);
        long orderId = checkoutWith("2000").statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("subtotal.amountMinor", equalTo(10_500))
                .body("pointsUsed", equalTo(2_000))
                .body("adjustments", hasSize(1))
                .body("adjustments[0].kind", equalTo("POINTS"))
                .body("adjustments[0].amount.amountMinor", equalTo(2_000))
                .body("total.amountMinor", equalTo(8_500))
                .extract().jsonPath().getLong("id");

        event(STOCK, "StockReserved", orderId, ",\"lines\":[]");
        awaitStatusAfterStock(orderId);
        event(POINTS, "PointsHeld", orderId, ",\"shopperId\":\"s\",\"points\":2000,\"balance\":0");
        awaitStatus(orderId, "STOCK_RESERVED");
        assertEquals(List.of("OrderPlaced", "OrderAwaitingPayment"), eventTypes(orderId));
    }

    /** Stock alone does not make the order payable: it stays PENDING, its timeline saying stock is held. */
    private static void awaitStatusAfterStock(long orderId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                        .body("status", equalTo("PENDING")).body("timeline", hasSize(2)));
    }

    @Test
    void points_the_balance_cannot_pay_cancel_the_order_and_release_its_stock() {
        cartOf(listedSku(10_000), 1);
        long orderId = checkoutWith("5000").statusCode(201).extract().jsonPath().getLong("id");
        event(POINTS, "PointsHoldRefused", orderId, ",\"shopperId\":\"s\",\"points\":5000,\"balance\":12");
        awaitStatus(orderId, "CANCELLED");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("cancelReason", equalTo("POINTS_REFUSED"));
        assertEquals(List.of("OrderPlaced", "OrderCancelled"), eventTypes(orderId));
    }

    @Test
    void more_points_than_may_pay_are_refused_and_the_cart_is_kept() {
        String sku = listedSku(10_000);
        cartOf(sku, 1);
        checkoutWith("5001").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/points-over-max-share"));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/cart").then().body("lines[0].sku", equalTo(sku));
    }

    @Test
    void negative_points_are_bad_input() {
        cartOf(listedSku(10_000), 1);
        checkoutWith("-1").statusCode(400).contentType("application/problem+json");
        checkoutWith("many").statusCode(400).contentType("application/problem+json");
    }
}
