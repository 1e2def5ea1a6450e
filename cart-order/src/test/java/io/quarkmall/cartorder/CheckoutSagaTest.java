package io.quarkmall.cartorder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.service.OrderService;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An order from cart to completion, driven by the events stock, pay and shipping would send. */
@QuarkusTest
class CheckoutSagaTest {

    private static final String PRODUCTS = "test.cart-order.product.v1";
    static final String STOCK = "test.cart-order.reservation.v1";
    static final String PAYMENTS = "test.cart-order.payment.v1";
    private static final String SHIPMENTS = "test.cart-order.shipment.v1";

    @Inject
    OrderService orders;

    /** A listed SKU of a fresh product, once cart-order has heard of it. */
    static String listedSku(long priceMinor) {
        return listedSku(priceMinor, null);
    }

    /** A SKU catalog lists at this price, one unit weighing {@code weightGrams} (null: catalog was not told). */
    static String listedSku(long priceMinor, Integer weightGrams) {
        return listedSku(priceMinor, "CNY", weightGrams);
    }

    /** A SKU catalog lists at this price in this currency, one unit weighing {@code weightGrams} (null: not told). */
    static String listedSku(long priceMinor, String currency, Integer weightGrams) {
        String sku = "S" + UUID.randomUUID().toString().substring(0, 8);
        long productId = SagaEvents.newOrderId();
        SagaEvents.publish(PRODUCTS, "ProductListed", productId, """
                {"productId":%d,"merchantId":"m","name":"绿茶","names":{"en":"Green tea","zh-CN":"绿茶"},
                 "skus":[{"sku":"%s","attributes":{"size":"250g"},"price":{"amountMinor":%d,"currency":"%s"},
                          "weightGrams":%s}]}"""
                .formatted(productId, sku, priceMinor, currency, weightGrams));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> CatalogSku.findByIdOptional(sku).isPresent()));
        return sku;
    }

    static ValidatableResponse put(String user, String sku, int quantity) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"quantity\":" + quantity + "}").when().put("/cart/lines/{sku}", sku).then();
    }

    static ValidatableResponse post(String user, String path, String key) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", key).when().post(path).then();
    }

    /** Checks out exactly these SKUs (one each): the test's own cart, whatever an earlier test left. */
    static long checkout(String user, String... skus) {
        List<String> left = given().auth().oauth2(Tokens.of(user)).when().get("/cart").then().extract().path("lines.sku");
        left.forEach(sku -> given().auth().oauth2(Tokens.of(user)).when().delete("/cart/lines/{sku}", sku));
        for (String sku : skus) {
            put(user, sku, 2).statusCode(200);
        }
        return post(user, "/checkout", UUID.randomUUID().toString()).statusCode(201)
                .body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
    }

    static void awaitStatus(long orderId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper"))
                .when().get("/orders/{id}", orderId).then().statusCode(200).body("status", equalTo(status)));
    }

    static List<String> eventTypes(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id",
                Long.toString(orderId)).stream().map(e -> e.envelope().replaceAll(".*\"type\":\"(\\w+)\".*", "$1")).toList());
    }

    static void event(String topic, String type, long orderId, String extra) {
        SagaEvents.publish(topic, type, orderId, "{\"orderId\":%d%s}".formatted(orderId, extra));
    }

    @Test
    void an_order_goes_from_cart_to_completed_with_every_step_on_its_timeline() {
        String sku = listedSku(3_500);
        put("shopper", sku, 3).statusCode(200).body("lines[0].subtotal.amountMinor", equalTo(10_500))
                .body("lines[0].productName", equalTo("绿茶"))
                .body("totals[0].amountMinor", equalTo(10_500));
        long orderId = post("shopper", "/checkout", UUID.randomUUID().toString()).statusCode(201)
                .body("total.amountMinor", equalTo(10_500)).body("lines[0].quantity", equalTo(3))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/cart").then().body("lines", empty());

        event(STOCK, "StockReserved", orderId, ",\"lines\":[]");
        awaitStatus(orderId, "STOCK_RESERVED");
        event(PAYMENTS, "PaymentSucceeded", orderId, "");
        awaitStatus(orderId, "PAID");
        event(SHIPMENTS, "ShipmentCreated", orderId, ",\"trackingNumber\":\"QM1\"");
        event(SHIPMENTS, "ShipmentPickedUp", orderId, ",\"location\":\"Shanghai\"");
        event(SHIPMENTS, "ShipmentInTransit", orderId, ",\"location\":\"Hangzhou\"");
        event(SHIPMENTS, "ShipmentDelivered", orderId, ",\"location\":\"Doorstep\"");
        awaitStatus(orderId, "DELIVERED");
        post("shopper", "/orders/" + orderId + "/receipt", UUID.randomUUID().toString()).statusCode(200)
                .body("status", equalTo("COMPLETED"));

        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/timeline", orderId).then().statusCode(200)
                .body("status", contains("PENDING", "STOCK_RESERVED", "PAID", "FULFILLING", "SHIPPED", "DELIVERED", "COMPLETED"));
        assertEquals(List.of("OrderPlaced", "OrderAwaitingPayment", "OrderPaid", "OrderFulfilling", "OrderShipped",
                "OrderDelivered", "OrderCompleted"), eventTypes(orderId), "every step is announced on order.v1, in order");
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/orders/{id}", orderId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void stock_refused_cancels_the_order_with_the_reason() {
        long orderId = checkout("shopper", listedSku(100));
        event(STOCK, "StockRejected", orderId, ",\"sku\":\"X\",\"requested\":2,\"available\":1");
        awaitStatus(orderId, "CANCELLED");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("cancelReason", equalTo("STOCK_REJECTED")).body("timeline[1].note", equalTo("Out of stock: X (wanted 2, 1 left)"));
        assertEquals(List.of("OrderPlaced", "OrderCancelled"), eventTypes(orderId));
    }

    @Test
    void a_failed_payment_attempt_leaves_the_order_payable_and_says_so_once_on_its_timeline() {
        long orderId = checkout("shopper", listedSku(100));
        event(STOCK, "StockReserved", orderId, "");
        awaitStatus(orderId, "STOCK_RESERVED");
        String failed = SagaEvents.publish(PAYMENTS, "PaymentFailed", orderId, "{\"orderId\":%d,\"reason\":\"DECLINED\"}".formatted(orderId));
        SagaEvents.send(PAYMENTS, orderId, failed);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}", orderId).then().extract().path("timeline.size()").equals(3));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("status", equalTo("STOCK_RESERVED"))
                .body("timeline[2].note", equalTo("Payment attempt failed (DECLINED); the order can still be paid"));
        event(PAYMENTS, "PaymentSucceeded", orderId, "");
        awaitStatus(orderId, "PAID");
        assertEquals(List.of("OrderPlaced", "OrderAwaitingPayment", "OrderPaid"), eventTypes(orderId),
                "a declined attempt cancels nothing: the next attempt pays the order");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("timeline.size()", equalTo(4));
    }

    @Test
    void a_payment_reaching_an_order_the_shopper_cancelled_changes_nothing() {
        long orderId = checkout("shopper", listedSku(100));
        event(STOCK, "StockReserved", orderId, "");
        awaitStatus(orderId, "STOCK_RESERVED");
        post("shopper", "/orders/" + orderId + "/cancellation", UUID.randomUUID().toString()).statusCode(200);
        event(PAYMENTS, "PaymentSucceeded", orderId, "");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> eventTypes(orderId).size() == 3);
        assertEquals(List.of("OrderPlaced", "OrderAwaitingPayment", "OrderCancelled"), eventTypes(orderId),
                "no OrderPaid: nobody ships, takes stock or credits points for it; pay refunds the late capture");
        awaitStatus(orderId, "CANCELLED");
    }

    @Test
    void a_paid_order_cancelled_before_shipping_says_what_to_give_back_and_announces_its_refund() {
        long orderId = checkout("shopper", listedSku(100));
        event(STOCK, "StockReserved", orderId, "");
        awaitStatus(orderId, "STOCK_RESERVED");
        event(PAYMENTS, "PaymentSucceeded", orderId, "");
        awaitStatus(orderId, "PAID");
        post("shopper", "/orders/" + orderId + "/cancellation", UUID.randomUUID().toString()).statusCode(200)
                .body("actions", empty());
        assertThat(lastEnvelope(orderId), containsString(
                "\"compensation\":{\"stock\":\"RESTOCK\",\"refund\":{\"amountMinor\":200,\"currency\":\"CNY\"}}"));
        String refunded = SagaEvents.publish(PAYMENTS, "PaymentRefunded", orderId,
                "{\"orderId\":%d,\"paymentId\":1,\"amount\":{\"amountMinor\":200,\"currency\":\"CNY\"}}".formatted(orderId));
        SagaEvents.send(PAYMENTS, orderId, refunded);
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(orderId).contains("OrderRefunded"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> eventTypes(orderId).size() == 5);
        assertEquals(List.of("OrderPlaced", "OrderAwaitingPayment", "OrderPaid", "OrderCancelled", "OrderRefunded"),
                eventTypes(orderId), "a refund announced twice is announced once");
    }

    @Test
    void the_order_view_carries_the_actions_its_status_allows() {
        long orderId = checkout("shopper", listedSku(100));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("actions", contains("CANCEL"));
        event(STOCK, "StockReserved", orderId, "");
        awaitStatus(orderId, "STOCK_RESERVED");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("actions", contains("PAY", "CANCEL"));
    }

    private static String lastEnvelope(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id desc",
                Long.toString(orderId)).getFirst().envelope());
    }

    @Test
    void an_unpaid_order_is_cancelled_after_the_payment_deadline() {
        long orderId = checkout("shopper", listedSku(100));
        orders.sweepAsOf(Instant.now().plus(Duration.ofMinutes(16)));
        awaitStatus(orderId, "CANCELLED");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("cancelReason", equalTo("UNPAID_TIMEOUT"));
    }

    @Test
    void a_shopper_cancels_before_shipping_but_not_after() {
        long early = checkout("shopper", listedSku(100));
        post("shopper2", "/orders/" + early + "/cancellation", UUID.randomUUID().toString()).statusCode(404);
        post("shopper", "/orders/" + early + "/cancellation", UUID.randomUUID().toString()).statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("SHOPPER_CANCELLED"));

        long shipped = checkout("shopper", listedSku(100));
        event(STOCK, "StockReserved", shipped, "");
        awaitStatus(shipped, "STOCK_RESERVED");
        event(PAYMENTS, "PaymentSucceeded", shipped, "");
        awaitStatus(shipped, "PAID");
        event(SHIPMENTS, "ShipmentCreated", shipped, ",\"trackingNumber\":\"QM3\"");
        event(SHIPMENTS, "ShipmentPickedUp", shipped, ",\"location\":\"Shanghai\"");
        awaitStatus(shipped, "SHIPPED");
        post("shopper", "/orders/" + shipped + "/cancellation", UUID.randomUUID().toString()).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/order-not-cancellable"));
        post("shopper", "/orders/" + shipped + "/receipt", UUID.randomUUID().toString()).statusCode(409);
    }

    @Test
    void one_idempotency_key_sent_twice_makes_one_order() {
        String sku = listedSku(100);
        checkout("shopper", sku);
        put("shopper", sku, 1).statusCode(200);
        String key = UUID.randomUUID().toString();
        long first = post("shopper", "/checkout", key).statusCode(201).extract().jsonPath().getLong("id");
        post("shopper", "/checkout", key).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo((int) first));
        post("shopper", "/checkout", UUID.randomUUID().toString()).statusCode(422)
                .body("type", equalTo("https://quarkmall.io/problems/cart-empty"));
    }

    @Test
    void bad_cart_input_is_a_clear_4xx() {
        put("shopper", "NOPE-" + UUID.randomUUID().toString().substring(0, 6), 1).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/sku-unavailable"));
        put("shopper", listedSku(100), 0).statusCode(400).body("violations.field", hasItem("quantity"));
        put("shopper", "bad sku!", 1).statusCode(400);
        given().auth().oauth2(Tokens.of("shopper")).contentType(ContentType.JSON).body("{\"quantity\":\"many\"}")
                .when().put("/cart/lines/ABC").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/cart").then().statusCode(401);
        post("shopper", "/checkout", "").statusCode(400);
    }

    @Test
    void a_delisted_product_cannot_be_added_or_checked_out() {
        String sku = listedSku(100);
        put("shopper", sku, 1).statusCode(200);
        long productId = QuarkusTransaction.requiringNew().call(() -> CatalogSku.<CatalogSku>findById(sku).productId());
        SagaEvents.publish(PRODUCTS, "ProductDelisted", productId, "{\"productId\":%d}".formatted(productId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper"))
                .when().get("/cart").then().body("lines.find { it.sku == '%s' }.available".formatted(sku), equalTo(false)));
        post("shopper", "/checkout", UUID.randomUUID().toString()).statusCode(422)
                .body("type", equalTo("https://quarkmall.io/problems/sku-unavailable"));
        put("shopper", sku, 2).statusCode(422);
        given().auth().oauth2(Tokens.of("shopper")).when().delete("/cart/lines/{sku}", sku).then().statusCode(200);
    }
}
