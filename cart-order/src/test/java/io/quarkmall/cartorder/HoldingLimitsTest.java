package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.CheckoutSagaTest.checkout;
import static io.quarkmall.cartorder.CheckoutSagaTest.listedSku;
import static io.quarkmall.cartorder.CheckoutSagaTest.post;
import static io.quarkmall.cartorder.CheckoutSagaTest.put;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.domain.HoldingPolicy.Holdings;
import io.quarkmall.cartorder.domain.ShopperHoldings;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One shopper may hold at most 5 unpaid orders and 50 units (the production defaults), even checking out in parallel. */
@QuarkusTest
@TestProfile(HoldingLimitsTest.DefaultLimits.class)
class HoldingLimitsTest {

    /** The limits as shipped: the other tests run with them lifted (application.properties, %test). */
    public static class DefaultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkmall.order.limits.max-unpaid-orders", "5",
                    "%test.quarkmall.order.limits.max-units-held", "50");
        }
    }

    private static final String SHOPPER = "shopper2";
    private static final String PROBLEMS = "https://quarkmall.io/problems/";

    /** The shopper starts with an empty cart and no unpaid order: earlier runs' are cancelled, as the shopper would. */
    @BeforeEach
    void startAfresh() {
        List<String> left = given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/cart").then().extract().path("lines.sku");
        left.forEach(sku -> given().auth().oauth2(Tokens.of(SHOPPER)).when().delete("/cart/lines/{sku}", sku));
        for (int page = 0; ; page++) {
            List<Map<String, Object>> orders = given().auth().oauth2(Tokens.of(SHOPPER)).queryParam("page", page)
                    .queryParam("size", 100).when().get("/orders").then().statusCode(200).extract().path("");
            if (orders.isEmpty()) {
                break;
            }
            orders.stream().filter(o -> List.of("PENDING", "STOCK_RESERVED").contains(o.get("status"))).forEach(o ->
                    post(SHOPPER, "/orders/" + o.get("id") + "/cancellation", UUID.randomUUID().toString()).statusCode(200));
        }
        assertEquals(new Holdings(0, 0), held());
    }

    private static Holdings held() {
        return QuarkusTransaction.requiringNew().call(() -> ShopperHoldings.unpaidHoldingsOf(Tokens.subjectOf(SHOPPER)));
    }

    private static ExtractableResponse<Response> checkoutNow() {
        return post(SHOPPER, "/checkout", UUID.randomUUID().toString()).extract();
    }

    @Test
    void a_sixth_unpaid_order_is_refused_with_the_cart_kept_until_one_is_cancelled_or_paid() {
        String sku = listedSku(100);
        List<Long> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(checkout(SHOPPER, sku));
        }
        put(SHOPPER, sku, 3).statusCode(200);
        post(SHOPPER, "/checkout", UUID.randomUUID().toString()).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "too-many-unpaid-orders")).body("detail", containsString("Pay or cancel"));
        given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/cart").then()
                .body("lines.size()", equalTo(1)).body("lines[0].quantity", equalTo(3));

        post(SHOPPER, "/orders/" + open.getFirst() + "/cancellation", UUID.randomUUID().toString()).statusCode(200);
        long sixth = post(SHOPPER, "/checkout", UUID.randomUUID().toString()).statusCode(201).extract().jsonPath().getLong("id");

        put(SHOPPER, sku, 1).statusCode(200);
        post(SHOPPER, "/checkout", UUID.randomUUID().toString()).statusCode(422)
                .body("type", equalTo(PROBLEMS + "too-many-unpaid-orders"));
        SagaEvents.publish("test.cart-order.reservation.v1", "StockReserved", sixth, "{\"orderId\":%d}".formatted(sixth));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of(SHOPPER))
                .when().get("/orders/{id}", sixth).then().body("status", equalTo("STOCK_RESERVED")));
        SagaEvents.publish("test.cart-order.payment.v1", "PaymentSucceeded", sixth, "{\"orderId\":%d}".formatted(sixth));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of(SHOPPER))
                .when().get("/orders/{id}", sixth).then().body("status", equalTo("PAID")));
        post(SHOPPER, "/checkout", UUID.randomUUID().toString()).statusCode(201);
        assertEquals(5, held().unpaidOrders());
    }

    @Test
    void units_beyond_fifty_held_unpaid_are_refused_with_the_cart_kept() {
        String sku = listedSku(100);
        put(SHOPPER, sku, 30).statusCode(200);
        post(SHOPPER, "/checkout", UUID.randomUUID().toString()).statusCode(201);
        put(SHOPPER, sku, 21).statusCode(200);
        post(SHOPPER, "/checkout", UUID.randomUUID().toString()).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "too-many-units-held"))
                .body("detail", containsString("hold 30 units and this cart has 21"));
        given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/cart").then().body("lines[0].quantity", equalTo(21));
        put(SHOPPER, sku, 20).statusCode(200);
        post(SHOPPER, "/checkout", UUID.randomUUID().toString()).statusCode(201);
        assertEquals(new Holdings(2, 50), held());
    }

    @Test
    void a_redemption_counts_against_the_unpaid_limits_and_is_refused_beyond_them() {
        String sku = PointsMallRedemptionTest.redeemableSku(100, null, null);
        for (int i = 0; i < 4; i++) {
            checkout(SHOPPER, listedSku(100));
        }
        PointsMallRedemptionTest.redeem(SHOPPER, sku, 1).statusCode(201);
        PointsMallRedemptionTest.redeem(SHOPPER, sku, 1).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "too-many-unpaid-orders"));
        assertEquals(new Holdings(5, 9), held(), "four checkouts of 2 units and one redemption of 1; nothing more placed");
    }

    /**
     * 30 threads each keep putting their own SKU in the one cart and checking out, until a limit
     * says no. Without the per-shopper lock they pass the count together and overshoot.
     */
    @Test
    void thirty_parallel_checkouts_by_one_shopper_never_exceed_the_limits() throws Exception {
        List<String> skus = listedSkus(30);
        var pool = Executors.newFixedThreadPool(30);
        var start = new CountDownLatch(1);
        var outcomes = new ArrayList<Future<List<String>>>();
        for (String sku : skus) {
            outcomes.add(pool.submit(() -> {
                start.await();
                var seen = new ArrayList<String>();
                for (int attempt = 0; attempt < 10; attempt++) {
                    put(SHOPPER, sku, 1).statusCode(200);
                    var answer = checkoutNow();
                    seen.add(answer.statusCode() == 201 ? "created" : answer.path("type").toString().replace(PROBLEMS, ""));
                    if (seen.getLast().startsWith("too-many")) {
                        break;
                    }
                }
                return seen;
            }));
        }
        start.countDown();
        var all = new ArrayList<String>();
        for (Future<List<String>> outcome : outcomes) {
            all.addAll(outcome.get());
        }
        pool.shutdown();
        Map<String, Long> counted = all.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        Holdings held = held();
        System.out.printf("[cart-order] 30 shoppers' threads, one shopper: %s; held %s%n", counted, held);
        assertEquals(held.unpaidOrders(), counted.getOrDefault("created", 0L), "every order created is still unpaid");
        assertTrue(held.unpaidOrders() <= 5, "at most 5 unpaid orders, not " + held.unpaidOrders());
        assertTrue(held.unitsHeld() <= 50, "at most 50 units held, not " + held.unitsHeld());
        assertTrue(counted.keySet().stream().allMatch(List.of("created", "cart-empty", "too-many-unpaid-orders",
                "too-many-units-held")::contains), "only these outcomes: " + counted);
        assertTrue(counted.getOrDefault("too-many-unpaid-orders", 0L) + counted.getOrDefault("too-many-units-held", 0L) > 0);
    }

    /** One product with this many SKUs, listed, once cart-order has heard of them all. */
    private static List<String> listedSkus(int count) {
        String prefix = "L" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> skus = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        long productId = SagaEvents.newOrderId();
        SagaEvents.publish("test.cart-order.product.v1", "ProductListed", productId, """
                {"productId":%d,"merchantId":"m","name":"乌龙茶","names":{"en":"Oolong"},"skus":[%s]}""".formatted(productId,
                skus.stream().map(sku -> """
                        {"sku":"%s","attributes":{},"price":{"amountMinor":100,"currency":"CNY"}}""".formatted(sku))
                        .collect(Collectors.joining(","))));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> CatalogSku.bySku(skus).size() == count));
        return skus;
    }
}
