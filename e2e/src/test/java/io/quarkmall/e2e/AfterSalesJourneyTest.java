package io.quarkmall.e2e;

import static io.quarkmall.e2e.Shop.SAGA;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.testing.Tokens;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After-sales across the services. Refund only: a delivered order's shopper asks for money back on
 * one unit, the merchant approves, pay refunds it at the channel, cart-order closes the request,
 * loyalty takes back the order's points; a second request is rejected, a third refunds the rest.
 * The goods stay with the shopper, so stock does not move. Afterwards every ledger agrees
 * ({@link ConsistencyCheck}: money given back = money cart-order recorded, points, stock). Return and
 * refund: no money moves until the merchant receives the parcel; then stock takes the units back,
 * sellable or into quarantine, and pay refunds them. Exchange: the goods go back, and once the merchant
 * receives them a replacement order runs the whole saga at no charge (stock takes the returned unit back
 * and holds the new one, shipping delivers it) while pay keeps the money and loyalty the points as they were.
 */
@ExtendWith(Mall.class)
class AfterSalesJourneyTest {

    private static final long UNIT = 12_800;

    private static ValidatableResponse ask(String shopper, long orderId, String json) {
        return Shop.post(shopper, "/api/cart-order/orders/" + orderId + "/after-sales", json).then();
    }

    private static ValidatableResponse requests(String shopper, long orderId) {
        return given().auth().oauth2(Tokens.of(shopper)).when().get("/api/cart-order/orders/{id}/after-sales", orderId)
                .then().statusCode(200);
    }

    private static ValidatableResponse payments(String shopper) {
        return given().auth().oauth2(Tokens.of(shopper)).when().get("/api/pay/payments").then().statusCode(200);
    }

    /** A delivered order of {@code units} units of {@code sku}, paid by card, and the shopper's points before it earned its own. */
    private record Delivered(long orderId, long pointsBefore) {}

    private static Delivered delivered(String shopper, String sku, int units) {
        long pointsBefore = Shop.points(shopper);
        long orderId = Shop.orderOf(shopper, sku, units);
        Shop.payWhenPayable(shopper, orderId, "tok_sandbox_success").then().statusCode(201);
        Shop.awaitStatus(shopper, orderId, "DELIVERED");
        await().atMost(SAGA).until(() -> Shop.points(shopper) > pointsBefore);
        return new Delivered(orderId, pointsBefore);
    }

    @Test
    void a_delivered_order_is_refunded_unit_by_unit_through_pay_and_every_ledger_agrees() throws Exception {
        String shopper = Shoppers.ensure("after-sales-" + Shop.marker() + "-%d", 1).getFirst();
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "青瓷茶杯", UNIT, 10);
        var delivered = delivered(shopper, sku, 2);
        long orderId = delivered.orderId();
        long pointsBefore = delivered.pointsBefore();
        Shop.order(shopper, orderId).body("actions", hasItem("REQUEST_REFUND"));

        long first = ask(shopper, orderId, "{\"reason\":\"DAMAGED\",\"note\":\"杯口有裂纹\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":1}]}").statusCode(201).body("status", equalTo("REQUESTED"))
                .body("amount.amountMinor", equalTo((int) UNIT)).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("merchant")).queryParam("status", "REQUESTED").queryParam("size", 100).when()
                .get("/api/cart-order/operator/after-sales").then().statusCode(200).body("id", hasItem((int) first));
        given().auth().oauth2(Tokens.of("merchant2")).queryParam("size", 100).when()
                .get("/api/cart-order/operator/after-sales").then().statusCode(200).body("id", not(hasItem((int) first)));
        Shop.post("merchant2", "/api/cart-order/operator/after-sales/" + first + "/approval", "{}").then().statusCode(404);
        Shop.post("merchant", "/api/cart-order/operator/after-sales/" + first + "/approval", "{\"note\":\"已退款\"}").then()
                .statusCode(200).body("status", equalTo("APPROVED"));

        await().atMost(SAGA).untilAsserted(() -> requests(shopper, orderId).body("[0].status", equalTo("REFUNDED")));
        payments(shopper).body("find { it.orderId == %d }.status".formatted(orderId), equalTo("PARTIALLY_REFUNDED"))
                .body("find { it.orderId == %d }.refunded.amountMinor".formatted(orderId), equalTo((int) UNIT));
        Shop.order(shopper, orderId).body("status", equalTo("DELIVERED"))
                .body("timeline.note", hasItem("Refunded " + UNIT + " CNY (minor units)"));

        long second = ask(shopper, orderId, "{\"reason\":\"NOT_AS_DESCRIBED\"}").statusCode(201)
                .body("amount.amountMinor", equalTo((int) UNIT)).body("lines[0].quantity", equalTo(1))
                .extract().jsonPath().getLong("id");
        Shop.post("merchant", "/api/cart-order/operator/after-sales/" + second + "/rejection",
                "{\"note\":\"照片与描述一致\"}").then().statusCode(200).body("status", equalTo("REJECTED"));
        long third = ask(shopper, orderId, "{\"reason\":\"DAMAGED\"}").statusCode(201).extract().jsonPath().getLong("id");
        Shop.post("merchant", "/api/cart-order/operator/after-sales/" + third + "/approval", "{}").then().statusCode(200);
        await().atMost(SAGA).untilAsserted(() -> requests(shopper, orderId)
                .body("status", equalTo(List.of("REFUNDED", "REJECTED", "REFUNDED"))));
        payments(shopper).body("find { it.orderId == %d }.status".formatted(orderId), equalTo("REFUNDED"));
        Shop.order(shopper, orderId).body("actions", not(hasItem("REQUEST_REFUND")));
        ask(shopper, orderId, "{\"reason\":\"DAMAGED\"}").statusCode(422);

        await().atMost(SAGA).untilAsserted(() -> assertEquals(pointsBefore, Shop.points(shopper),
                "the points the order earned were taken back"));
        Shop.stock(sku).body("onHand", equalTo(8)).body("reserved", equalTo(0));
        var verdict = ConsistencyCheck.of(sku, 10, Map.of(orderId, Tokens.subjectOf(shopper)));
        assertEquals(List.of(), verdict.inconsistent(), "orders the services disagree on");
        assertEquals(List.of(), verdict.unbalancedLedgers(), "points ledgers that do not add up");
        assertEquals(0, verdict.duplicateCharges());
    }

    private static void operator(String what, long requestId, String json, String status) {
        Shop.post("merchant", "/api/cart-order/operator/after-sales/" + requestId + "/" + what, json).then()
                .statusCode(200).body("status", equalTo(status));
    }

    @Test
    void returned_goods_go_back_to_stock_sellable_or_into_quarantine_before_the_money_goes_back() throws Exception {
        String shopper = Shoppers.ensure("returns-" + Shop.marker() + "-%d", 1).getFirst();
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "白瓷盖碗", UNIT, 10);
        var delivered = delivered(shopper, sku, 3);
        long orderId = delivered.orderId();
        long pointsBefore = delivered.pointsBefore();
        Shop.stock(sku).body("onHand", equalTo(7));

        long first = ask(shopper, orderId, "{\"kind\":\"RETURN_AND_REFUND\",\"reason\":\"NOT_AS_DESCRIBED\",\"lines\":"
                + "[{\"sku\":\"" + sku + "\",\"quantity\":2}]}").statusCode(201).body("kind", equalTo("RETURN_AND_REFUND"))
                .extract().jsonPath().getLong("id");
        operator("approval", first, "{}", "AWAITING_RETURN");
        Shop.post(shopper, "/api/cart-order/orders/" + orderId + "/after-sales/" + first + "/return-parcel",
                "{\"carrier\":\"顺丰速运\",\"trackingNumber\":\"SF1400012345\"}").then().statusCode(200)
                .body("status", equalTo("RETURN_SHIPPED"));
        payments(shopper).body("find { it.orderId == %d }.status".formatted(orderId), equalTo("CAPTURED"));
        operator("receipt", first, "{\"disposition\":\"SELLABLE\"}", "APPROVED");
        await().atMost(SAGA).untilAsserted(() -> requests(shopper, orderId).body("[0].status", equalTo("REFUNDED")));
        await().atMost(SAGA).untilAsserted(() -> Shop.stock(sku).body("onHand", equalTo(9)));

        long second = ask(shopper, orderId, "{\"kind\":\"RETURN_AND_REFUND\",\"reason\":\"DAMAGED\"}").statusCode(201)
                .body("lines[0].quantity", equalTo(1)).extract().jsonPath().getLong("id");
        operator("approval", second, "{}", "AWAITING_RETURN");
        Shop.post(shopper, "/api/cart-order/orders/" + orderId + "/after-sales/" + second + "/return-parcel",
                "{\"carrier\":\"YTO\",\"trackingNumber\":\"YT7788990011\"}").then().statusCode(200);
        operator("receipt", second, "{\"disposition\":\"QUARANTINE\"}", "APPROVED");
        await().atMost(SAGA).untilAsserted(() -> requests(shopper, orderId)
                .body("status", equalTo(List.of("REFUNDED", "REFUNDED"))));
        payments(shopper).body("find { it.orderId == %d }.status".formatted(orderId), equalTo("REFUNDED"));
        await().atMost(SAGA).untilAsserted(() -> assertEquals(pointsBefore, Shop.points(shopper),
                "the points the order earned were taken back"));
        await().atMost(SAGA).untilAsserted(() -> {
            try (var db = MallLedgers.open()) {
                assertEquals(new MallLedgers.Returned(2, 1), db.stockReturnsOf(sku),
                        "stock took back 2 units sellable and 1 into quarantine");
            }
        });
        Shop.stock(sku).body("onHand", equalTo(9)).body("reserved", equalTo(0));

        var verdict = ConsistencyCheck.of(sku, 10, Map.of(orderId, Tokens.subjectOf(shopper)));
        assertEquals(List.of(), verdict.inconsistent(), "orders the services disagree on");
        assertEquals(List.of(), verdict.unbalancedLedgers(), "points ledgers that do not add up");
    }

    @Test
    void an_exchange_sends_a_replacement_through_stock_and_shipping_with_no_money_or_points_moving() throws Exception {
        String shopper = Shoppers.ensure("exchanges-" + Shop.marker() + "-%d", 1).getFirst();
        String sku = "E2E-" + Shop.marker();
        Shop.listFindable(sku, "青花茶壶", UNIT, 10);
        long orderId = delivered(shopper, sku, 2).orderId();
        long pointsEarned = Shop.points(shopper);

        long request = ask(shopper, orderId, "{\"kind\":\"EXCHANGE\",\"reason\":\"DAMAGED\",\"note\":\"壶嘴有缺口\","
                + "\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}").statusCode(201)
                .body("kind", equalTo("EXCHANGE")).extract().jsonPath().getLong("id");
        operator("approval", request, "{}", "AWAITING_RETURN");
        Shop.post(shopper, "/api/cart-order/orders/" + orderId + "/after-sales/" + request + "/return-parcel",
                "{\"carrier\":\"顺丰速运\",\"trackingNumber\":\"SF1400067890\"}").then().statusCode(200);
        operator("receipt", request, "{\"disposition\":\"SELLABLE\"}", "REPLACING");
        long replacement = requests(shopper, orderId).extract().jsonPath().getLong("[0].replacementOrderId");
        Shop.order(shopper, replacement).body("kind", equalTo("EXCHANGE")).body("replacementFor", equalTo((int) orderId))
                .body("total.amountMinor", equalTo(0));
        Shop.awaitStatus(shopper, replacement, "DELIVERED");
        await().atMost(SAGA).untilAsserted(() -> requests(shopper, orderId).body("[0].status", equalTo("EXCHANGED")));

        payments(shopper).body("find { it.orderId == %d }.status".formatted(orderId), equalTo("CAPTURED"))
                .body("findAll { it.orderId == %d }.size()".formatted(replacement), equalTo(0));
        assertEquals(pointsEarned, Shop.points(shopper), "the replacement earns no points, the exchange takes none back");
        await().atMost(SAGA).untilAsserted(() -> {
            try (var db = MallLedgers.open()) {
                assertEquals(new MallLedgers.Returned(1, 0), db.stockReturnsOf(sku), "stock took the damaged unit back");
            }
        });
        Shop.stock(sku).body("onHand", equalTo(8)).body("reserved", equalTo(0)); // 10 - 2 sold + 1 back - 1 sent again

        var verdict = ConsistencyCheck.of(sku, 10, Map.of(orderId, Tokens.subjectOf(shopper)));
        assertEquals(List.of(), verdict.inconsistent(), "orders the services disagree on");
        assertEquals(List.of(), verdict.unbalancedLedgers(), "points ledgers that do not add up");
        assertEquals(0, verdict.duplicateCharges());
        assertEquals(0, verdict.duplicateOrders());
        assertEquals(2, verdict.orders(), "the order and its replacement");
    }
}
