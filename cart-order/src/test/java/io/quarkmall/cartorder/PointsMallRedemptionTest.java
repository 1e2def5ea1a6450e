package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.CheckoutSagaTest.awaitStatus;
import static io.quarkmall.cartorder.CheckoutSagaTest.event;
import static io.quarkmall.cartorder.CheckoutSagaTest.eventTypes;
import static io.quarkmall.cartorder.CheckoutSagaTest.listedSku;
import static io.quarkmall.cartorder.CheckoutSagaTest.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.ShopperHoldings;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A shopper redeems a SKU in the points mall: a REDEMPTION order through the normal saga, driven by
 * the events stock and loyalty would send, within the SKU's per-shopper limit even in parallel.
 */
@QuarkusTest
class PointsMallRedemptionTest {

    private static final String PRODUCTS = "test.cart-order.product.v1";
    private static final String STOCK = "test.cart-order.reservation.v1";
    private static final String POINTS = "test.cart-order.points.v1";
    private static final String PAYMENTS = "test.cart-order.payment.v1";
    private static final String SHIPMENTS = "test.cart-order.shipment.v1";
    private static final String PROBLEMS = "https://quarkmall.io/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON of one listed SKU of catalog.product.v1 priced ¥50.00, with these points-mall terms. */
    private static String skuJson(String sku, long points, Long cashMinor, Integer limit) {
        return """
                {"sku":"%s","attributes":{},"price":{"amountMinor":5000,"currency":"CNY"},"pointsPrice":%d,
                 "pointsCash":%s,"redeemLimitPerShopper":%s}""".formatted(sku, points,
                cashMinor == null ? "null" : "{\"amountMinor\":%d,\"currency\":\"CNY\"}".formatted(cashMinor), limit);
    }

    private static String listing(long productId, String... skus) {
        return """
                {"productId":%d,"merchantId":"m","name":"积分马克杯","names":{"en":"Points mug"},"skus":[%s]}"""
                .formatted(productId, String.join(",", skus));
    }

    /** A redeemable SKU of a fresh listed product, once cart-order has heard of it. */
    static String redeemableSku(long points, Long cashMinor, Integer limit) {
        String sku = "R" + UUID.randomUUID().toString().substring(0, 8);
        long productId = SagaEvents.newOrderId();
        SagaEvents.publish(PRODUCTS, "ProductListed", productId, listing(productId, skuJson(sku, points, cashMinor, limit)));
        awaitKnown(sku);
        return sku;
    }

    private static void awaitKnown(String sku) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> CatalogSku.findByIdOptional(sku).isPresent()));
    }

    static ValidatableResponse redeem(String user, String sku, int quantity) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"sku\":\"%s\",\"quantity\":%d}".formatted(sku, quantity))
                .when().post("/redemptions").then();
    }

    private static JsonNode payloadOf(long orderId, String type) throws Exception {
        String envelope = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 order by id", Long.toString(orderId))).stream().map(OutboxEvent::envelope)
                .filter(e -> e.contains("\"type\":\"" + type + "\"")).findFirst().orElseThrow();
        return JSON.readTree(envelope).path("payload");
    }

    private static long ordersOf(String user) {
        return QuarkusTransaction.requiringNew().call(() -> Order.count("shopperId", Tokens.subjectOf(user)));
    }

    @Test
    void a_points_only_redemption_is_paid_once_stock_and_points_are_held_and_ships_like_any_order() throws Exception {
        String sku = redeemableSku(800, null, null);
        long orderId = redeem("shopper", sku, 2).statusCode(201)
                .body("kind", equalTo("REDEMPTION")).body("status", equalTo("PENDING"))
                .body("pointsUsed", equalTo(1_600)).body("adjustments", empty())
                .body("subtotal.amountMinor", equalTo(0)).body("total.amountMinor", equalTo(0))
                .body("total.currency", equalTo("CNY"))
                .body("lines[0].sku", equalTo(sku)).body("lines[0].quantity", equalTo(2))
                .body("lines[0].unitPrice.amountMinor", equalTo(0))
                .extract().jsonPath().getLong("id");
        JsonNode placed = payloadOf(orderId, "OrderPlaced");
        assertEquals(1_600, placed.path("pointsUsed").asLong());
        assertEquals(0, placed.path("pointsDiscount").path("amountMinor").asLong());

        event(STOCK, "StockReserved", orderId, "");
        event(POINTS, "PointsHeld", orderId, ",\"shopperId\":\"s\",\"points\":1600,\"balance\":0");
        awaitStatus(orderId, "PAID");
        assertEquals(List.of("OrderPlaced", "OrderPaid"), eventTypes(orderId), "no OrderAwaitingPayment: nothing to pay");
        assertEquals(0, payloadOf(orderId, "OrderPaid").path("total").path("amountMinor").asLong());

        event(SHIPMENTS, "ShipmentCreated", orderId, ",\"trackingNumber\":\"QM-R1\"");
        awaitStatus(orderId, "FULFILLING");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders").then()
                .body("find { it.id == %d }.kind".formatted(orderId), equalTo("REDEMPTION"));
    }

    @Test
    void a_points_plus_cash_redemption_awaits_payment_of_exactly_its_cash() throws Exception {
        String sku = redeemableSku(500, 990L, null);
        long orderId = redeem("shopper", sku, 3).statusCode(201)
                .body("kind", equalTo("REDEMPTION")).body("pointsUsed", equalTo(1_500)).body("adjustments", empty())
                .body("lines[0].unitPrice.amountMinor", equalTo(990))
                .body("subtotal.amountMinor", equalTo(2_970)).body("total.amountMinor", equalTo(2_970))
                .extract().jsonPath().getLong("id");

        event(POINTS, "PointsHeld", orderId, ",\"shopperId\":\"s\",\"points\":1500,\"balance\":0");
        event(STOCK, "StockReserved", orderId, "");
        awaitStatus(orderId, "STOCK_RESERVED");
        JsonNode awaiting = payloadOf(orderId, "OrderAwaitingPayment");
        assertEquals(2_970, awaiting.path("total").path("amountMinor").asLong());
        assertEquals("CNY", awaiting.path("total").path("currency").asText());

        event(PAYMENTS, "PaymentSucceeded", orderId, "");
        awaitStatus(orderId, "PAID");
        assertEquals(List.of("OrderPlaced", "OrderAwaitingPayment", "OrderPaid"), eventTypes(orderId));
    }

    @Test
    void points_the_balance_cannot_pay_cancel_the_redemption() {
        String sku = redeemableSku(100_000, null, 1);
        long orderId = redeem("shopper", sku, 1).statusCode(201).extract().jsonPath().getLong("id");
        event(STOCK, "StockReserved", orderId, "");
        event(POINTS, "PointsHoldRefused", orderId, ",\"shopperId\":\"s\",\"points\":100000,\"balance\":12");
        awaitStatus(orderId, "CANCELLED");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("cancelReason", equalTo("POINTS_REFUSED"));
        assertEquals(List.of("OrderPlaced", "OrderCancelled"), eventTypes(orderId));
        redeem("shopper", sku, 1).statusCode(201).body("kind", equalTo("REDEMPTION"))
                .body("pointsUsed", equalTo(100_000));
    }

    @Test
    void a_sku_not_for_redemption_unknown_or_over_the_limit_is_refused_and_nothing_is_placed() {
        String plain = listedSku(5_000);
        String limited = redeemableSku(300, null, 3);
        long before = ordersOf("shopper");

        redeem("shopper", plain, 1).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "sku-not-redeemable"));
        redeem("shopper", "NOPE-" + UUID.randomUUID().toString().substring(0, 6), 1).statusCode(404)
                .contentType("application/problem+json");
        redeem("shopper", limited, 4).statusCode(422).body("type", equalTo(PROBLEMS + "redemption-limit-reached"))
                .body("detail", equalTo("One shopper may redeem at most 3 of this item; you have redeemed 0 and ask for 4 more."));
        assertEquals(before, ordersOf("shopper"), "refusals place nothing");

        long first = redeem("shopper", limited, 2).statusCode(201).extract().jsonPath().getLong("id");
        redeem("shopper", limited, 1).statusCode(201);
        redeem("shopper", limited, 1).statusCode(422).body("type", equalTo(PROBLEMS + "redemption-limit-reached"));
        redeem("shopper2", limited, 3).statusCode(201);
        post("shopper", "/orders/" + first + "/cancellation", UUID.randomUUID().toString()).statusCode(200);
        redeem("shopper", limited, 2).statusCode(201);
        assertEquals(3, QuarkusTransaction.requiringNew().call(() ->
                ShopperHoldings.redeemedUnitsOf(Tokens.subjectOf("shopper"), limited)), "a cancelled redemption frees its units");

        long productId = QuarkusTransaction.requiringNew().call(() -> CatalogSku.<CatalogSku>findById(limited).productId());
        SagaEvents.publish(PRODUCTS, "ProductDelisted", productId, "{\"productId\":%d}".formatted(productId));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !QuarkusTransaction.requiringNew().call(() -> CatalogSku.<CatalogSku>findById(limited).listed()));
        redeem("shopper2", limited, 1).statusCode(422).body("type", equalTo(PROBLEMS + "sku-unavailable"));
    }

    @Test
    void bad_redemption_requests_are_a_clear_4xx() {
        String sku = redeemableSku(100, null, null);
        redeem("shopper", sku, 0).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("quantity"));
        redeem("shopper", sku, 100).statusCode(400).body("violations.field", hasItem("quantity"));
        redeem("shopper", "bad sku!", 1).statusCode(400).body("violations.field", hasItem("sku"));
        given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"quantity\":1}").when().post("/redemptions").then()
                .statusCode(400).body("violations.field", hasItem("sku"));
        given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"sku\":\"%s\",\"quantity\":1.5}".formatted(sku))
                .when().post("/redemptions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("shopper")).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"quantity\":1}".formatted(sku)).when().post("/redemptions").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"sku\":\"%s\",\"quantity\":1}".formatted(sku))
                .when().post("/redemptions").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void one_idempotency_key_sent_twice_redeems_once() {
        String sku = redeemableSku(100, null, 1);
        String key = UUID.randomUUID().toString();
        String body = "{\"sku\":\"%s\",\"quantity\":1}".formatted(sku);
        long first = given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/redemptions").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/redemptions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo((int) first));
    }

    @Test
    void an_older_listing_never_overwrites_newer_redemption_terms() {
        String sku = "R" + UUID.randomUUID().toString().substring(0, 8);
        String marker = sku + "-LATER";
        long productId = SagaEvents.newOrderId();
        SagaEvents.publish(PRODUCTS, "ProductListed", productId, listing(productId, skuJson(sku, 700, null, 5)));
        awaitKnown(sku);
        SagaEvents.send(PRODUCTS, productId, """
                {"eventId":"%s","type":"ProductListed","occurredAt":"%s","aggregateId":"%d","payload":%s}"""
                .formatted(UUID.randomUUID(), Instant.now().minus(Duration.ofHours(1)), productId,
                        listing(productId, skuJson(sku, 100, 50L, 1))));
        // one product's events keep their order: once a later one is applied, the older one was seen
        SagaEvents.publish(PRODUCTS, "ProductListed", productId, listing(productId, skuJson(marker, 1, null, null)));
        awaitKnown(marker);

        redeem("shopper", sku, 2).statusCode(201).body("pointsUsed", equalTo(1_400))
                .body("total.amountMinor", equalTo(0));
    }

    /**
     * 30 threads of one shopper redeem one unit each of a SKU limited to 3 per shopper. Without the
     * shopper's checkout lock they would all count 0 redeemed and pass together.
     */
    @Test
    void thirty_parallel_redemptions_by_one_shopper_never_pass_the_limit() throws Exception {
        String sku = redeemableSku(100, null, 3);
        Tokens.of("shopper"); // one token for every thread, fetched before they start
        var pool = Executors.newFixedThreadPool(30);
        var start = new CountDownLatch(1);
        var outcomes = new ArrayList<Future<String>>();
        for (int i = 0; i < 30; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                var answer = redeem("shopper", sku, 1).extract();
                return answer.statusCode() == 201 ? "created" : answer.path("type").toString().replace(PROBLEMS, "");
            }));
        }
        start.countDown();
        var all = new ArrayList<String>();
        for (Future<String> outcome : outcomes) {
            all.add(outcome.get());
        }
        pool.shutdown();
        Map<String, Long> counted = all.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        System.out.printf("[cart-order] 30 parallel redemptions by one shopper, limit 3: %s%n", counted);
        assertEquals(Map.of("created", 3L, "redemption-limit-reached", 27L), counted);
        assertEquals(3, QuarkusTransaction.requiringNew().call(() ->
                ShopperHoldings.redeemedUnitsOf(Tokens.subjectOf("shopper"), sku)));
    }
}
