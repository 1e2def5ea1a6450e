package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.AfterSalesTest.approvals;
import static io.quarkmall.cartorder.AfterSalesTest.ask;
import static io.quarkmall.cartorder.AfterSalesTest.decide;
import static io.quarkmall.cartorder.AfterSalesTest.eventsOfType;
import static io.quarkmall.cartorder.AfterSalesTest.sendBack;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.service.AfterSalesService;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Exchanges through the API: the goods go back as for a return, and once they are received a
 * replacement order (the same SKU or another size of the product, at no charge) runs the saga and
 * is delivered, with no money moving and points not earned twice; a replacement that cannot be sent
 * (stock refuses it, or the shopper cancels it) refunds the units' share instead, once. Replacements
 * that are not of the same product at the same price are refused with nothing written.
 */
@QuarkusTest
class ExchangeTest {

    private static final String PRODUCTS = "test.cart-order.product.v1";
    private static final String STOCK = "test.cart-order.reservation.v1";
    private static final String SHIPMENTS = "test.cart-order.shipment.v1";

    @Inject
    AfterSalesService afterSales;

    /** One product's SKUs: two sizes at 5,000 and a gift box at 6,000 (CNY minor units). */
    record Sizes(String small, String large, String giftBox) {}

    static Sizes listedSizes() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var sizes = new Sizes("XS" + tag, "XL" + tag, "XG" + tag);
        long productId = SagaEvents.newOrderId();
        SagaEvents.publish(PRODUCTS, "ProductListed", productId, """
                {"productId":%d,"merchantId":"m","name":"T恤","names":{"en":"T-shirt","zh-CN":"T恤"},
                 "skus":[{"sku":"%s","attributes":{"size":"S"},"price":{"amountMinor":5000,"currency":"CNY"}},
                         {"sku":"%s","attributes":{"size":"L"},"price":{"amountMinor":5000,"currency":"CNY"}},
                         {"sku":"%s","attributes":{"size":"gift box"},"price":{"amountMinor":6000,"currency":"CNY"}}]}"""
                .formatted(productId, sizes.small(), sizes.large(), sizes.giftBox()));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                CatalogSku.findByIdOptional(sizes.giftBox()).isPresent()));
        return sizes;
    }

    private static ValidatableResponse order(long orderId) {
        return given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then().statusCode(200);
    }

    private static ValidatableResponse requests(long orderId) {
        return given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .statusCode(200);
    }

    private static String exchangeOne(String sku, String replacement) {
        return "{\"kind\":\"EXCHANGE\",\"reason\":\"WRONG_ITEM\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":1,\"replacementSku\":\"" + replacement + "\"}]}";
    }

    /** Approves the exchange, sends its parcel back and has the merchant receive it: the replacement order's id. */
    private static long sentBackAndReceived(long orderId, long requestId, String disposition) {
        decide("admin", requestId, "approval", "{}").statusCode(200).body("status", equalTo("AWAITING_RETURN"));
        sendBack("shopper", orderId, requestId, "{\"carrier\":\"SF\",\"trackingNumber\":\"SF2400012345\"}").statusCode(200)
                .body("status", equalTo("RETURN_SHIPPED"));
        return decide("admin", requestId, "receipt", "{\"disposition\":\"" + disposition + "\"}").statusCode(200)
                .body("status", equalTo("REPLACING")).body("disposition", equalTo(disposition))
                .extract().jsonPath().getLong("replacementOrderId");
    }

    @Test
    void another_size_is_sent_at_no_charge_once_the_goods_are_back_and_the_exchange_ends_when_it_is_delivered() {
        var sizes = listedSizes();
        long orderId = AfterSalesTest.orderOf("shopper", "DELIVERED", sizes.small());
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales/exchange-options", orderId).then()
                .statusCode(200).body("sku", equalTo(List.of(sizes.small())))
                .body("[0].instead.sku", equalTo(List.of(sizes.large()))) // the gift box costs more
                .body("[0].instead[0].attributes.size", equalTo("L"));
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/orders/{id}/after-sales/exchange-options", orderId).then()
                .statusCode(404).contentType("application/problem+json");
        long requestId = ask("shopper", orderId, exchangeOne(sizes.small(), sizes.large())).statusCode(201)
                .body("kind", equalTo("EXCHANGE")).body("status", equalTo("REQUESTED"))
                .body("amount.amountMinor", equalTo(5_000)).body("lines[0].replacementSku", equalTo(sizes.large()))
                .extract().jsonPath().getLong("id");
        long replacementId = sentBackAndReceived(orderId, requestId, "SELLABLE");
        decide("admin", requestId, "receipt", "{\"disposition\":\"SELLABLE\"}").statusCode(409);

        assertEquals(1, eventsOfType(orderId, "OrderReturnReceived").size(), "stock takes the small size back once");
        assertEquals(List.of(), approvals(orderId), "an exchange asks pay for nothing");
        order(replacementId).body("kind", equalTo("EXCHANGE")).body("replacementFor", equalTo((int) orderId))
                .body("total.amountMinor", equalTo(0)).body("status", equalTo("PENDING"))
                .body("lines[0].sku", equalTo(sizes.large())).body("lines[0].quantity", equalTo(1))
                .body("lines[0].unitPrice.amountMinor", equalTo(0));
        List<String> placed = eventsOfType(replacementId, "OrderPlaced");
        assertEquals(1, placed.size());
        assertTrue(placed.getFirst().contains("\"replacementFor\":" + orderId), placed.getFirst());
        order(orderId).body("timeline.note", hasItem("After-sales request " + requestId
                + ": returned goods received (SELLABLE): replacement order " + replacementId + " placed"));

        CheckoutSagaTest.event(STOCK, "StockReserved", replacementId, "");
        CheckoutSagaTest.awaitStatus(replacementId, "PAID");
        assertEquals(List.of(), eventsOfType(replacementId, "OrderAwaitingPayment"), "nothing to pay");
        List<String> paid = eventsOfType(replacementId, "OrderPaid");
        assertEquals(1, paid.size());
        assertTrue(paid.getFirst().contains("\"replacementFor\":" + orderId)
                && paid.getFirst().contains("\"amountMinor\":0"), paid.getFirst());
        ask("shopper", replacementId, "{\"reason\":\"DAMAGED\"}").statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/after-sales-not-open"));

        CheckoutSagaTest.event(SHIPMENTS, "ShipmentCreated", replacementId, ",\"trackingNumber\":\"QM" + replacementId + "\"");
        CheckoutSagaTest.event(SHIPMENTS, "ShipmentPickedUp", replacementId, ",\"location\":\"Shanghai\"");
        CheckoutSagaTest.event(SHIPMENTS, "ShipmentDelivered", replacementId, ",\"location\":\"Doorstep\"");
        CheckoutSagaTest.event(SHIPMENTS, "ShipmentDelivered", replacementId, ",\"location\":\"Doorstep\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> requests(orderId)
                .body("[0].status", equalTo("EXCHANGED")).body("[0].replacementOrderId", equalTo((int) replacementId)));
        order(replacementId).body("actions", not(hasItem("REQUEST_REFUND")));
        ask("shopper", replacementId, "{\"kind\":\"EXCHANGE\",\"reason\":\"DAMAGED\"}").statusCode(422)
                .body("type", equalTo("https://quarkmall.io/problems/nothing-to-refund"))
                .body("detail", containsString("replacement sent at no charge for order " + orderId));
        order(orderId).body("timeline.note", hasItem("After-sales request " + requestId
                + ": exchange done, replacement order " + replacementId + " delivered"));

        // the exchanged unit's money paid for its replacement: the other unit is refunded its own share alone
        ask("shopper", orderId, "{\"reason\":\"DAMAGED\"}").statusCode(201)
                .body("lines[0].sku", equalTo(sizes.small())).body("lines[0].quantity", equalTo(1))
                .body("amount.amountMinor", equalTo(5_000));
        assertEquals(List.of(), eventsOfType(replacementId, "OrderRefundApproved"));
    }

    @Test
    void a_replacement_not_delivered_in_time_escalates_the_exchange_once_to_the_staff() {
        var sizes = listedSizes();
        long orderId = AfterSalesTest.orderOf("shopper", "DELIVERED", sizes.small());
        long requestId = ask("shopper", orderId, exchangeOne(sizes.small(), sizes.large())).statusCode(201)
                .extract().jsonPath().getLong("id");
        decide("admin", requestId, "approval", "{}").statusCode(200);
        sendBack("shopper", orderId, requestId, "{\"carrier\":\"SF\",\"trackingNumber\":\"SF2400012345\"}").statusCode(200);
        afterSales.escalateDue(Instant.now().plus(Duration.ofHours(25))); // the merchant left the parcel waiting
        requests(orderId).body("[0].status", equalTo("RETURN_SHIPPED")).body("[0].escalatedAt", not(nullValue()));
        long replacementId = decide("admin", requestId, "receipt", "{\"disposition\":\"SELLABLE\"}").statusCode(200)
                .body("status", equalTo("REPLACING")).body("escalatedAt", nullValue()) // a new wait, on the replacement
                .extract().jsonPath().getLong("replacementOrderId");
        Instant received = Instant.now();

        afterSales.escalateDue(received.plus(Duration.ofDays(15)).minus(Duration.ofHours(1)));
        requests(orderId).body("[0].status", equalTo("REPLACING")).body("[0].escalatedAt", nullValue());
        afterSales.escalateDue(received.plus(Duration.ofDays(15)).plus(Duration.ofHours(1)));
        afterSales.escalateDue(received.plus(Duration.ofDays(15)).plus(Duration.ofHours(2)));
        requests(orderId).body("[0].status", equalTo("REPLACING")).body("[0].escalatedAt", not(nullValue()));
        List<String> notes = order(orderId).extract().path("timeline.note");
        assertEquals(List.of("After-sales request " + requestId + " escalated to the mall's staff: the merchant has not "
                + "received the return parcel", "After-sales request " + requestId + " escalated to the mall's staff: "
                + "replacement order " + replacementId + " has not been delivered"), notes.stream()
                .filter(n -> n != null && n.startsWith("After-sales request " + requestId + " escalated")).toList());
        given().auth().oauth2(Tokens.of("admin")).queryParam("escalated", true).queryParam("size", 100).when()
                .get("/operator/after-sales").then().statusCode(200).body("id", hasItem((int) requestId));

        CheckoutSagaTest.event(STOCK, "StockReserved", replacementId, "");
        CheckoutSagaTest.awaitStatus(replacementId, "PAID");
        CheckoutSagaTest.event(SHIPMENTS, "ShipmentCreated", replacementId, ",\"trackingNumber\":\"QM" + replacementId + "\"");
        CheckoutSagaTest.event(SHIPMENTS, "ShipmentPickedUp", replacementId, ",\"location\":\"Shanghai\"");
        CheckoutSagaTest.event(SHIPMENTS, "ShipmentDelivered", replacementId, ",\"location\":\"Doorstep\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> requests(orderId).body("[0].status", equalTo("EXCHANGED")));
        given().auth().oauth2(Tokens.of("admin")).queryParam("escalated", true).queryParam("size", 100).when()
                .get("/operator/after-sales").then().statusCode(200).body("id", not(hasItem((int) requestId)));
    }

    @Test
    void two_lines_sent_back_for_one_size_are_one_line_of_the_replacement() {
        var sizes = listedSizes();
        long orderId = AfterSalesTest.orderOf("shopper", "DELIVERED", sizes.small(), sizes.large());
        long requestId = ask("shopper", orderId, "{\"kind\":\"EXCHANGE\",\"reason\":\"WRONG_ITEM\",\"lines\":["
                + "{\"sku\":\"" + sizes.small() + "\",\"quantity\":2,\"replacementSku\":\"" + sizes.large() + "\"},"
                + "{\"sku\":\"" + sizes.large() + "\",\"quantity\":1,\"replacementSku\":\"" + sizes.large() + "\"}]}")
                .statusCode(201).body("lines[1].replacementSku", nullValue()) // the same SKU again is said without one
                .extract().jsonPath().getLong("id");
        long replacementId = sentBackAndReceived(orderId, requestId, "SELLABLE");
        order(replacementId).body("lines.sku", equalTo(List.of(sizes.large()))).body("lines[0].quantity", equalTo(3));
        String returned = eventsOfType(orderId, "OrderReturnReceived").getFirst();
        assertTrue(returned.contains("\"sku\":\"" + sizes.small() + "\",\"quantity\":2"), returned);
    }

    @Test
    void a_replacement_stock_cannot_hold_refunds_the_units_share_instead_once() {
        var sizes = listedSizes();
        long orderId = AfterSalesTest.orderOf("shopper", "DELIVERED", sizes.small());
        long requestId = ask("shopper", orderId, "{\"kind\":\"EXCHANGE\",\"reason\":\"DAMAGED\"}").statusCode(201)
                .body("lines[0].quantity", equalTo(2)).body("lines[0].replacementSku", nullValue())
                .extract().jsonPath().getLong("id");
        decide("admin", requestId, "approval", "{}").statusCode(200);
        sendBack("shopper", orderId, requestId, "{\"carrier\":\"YTO\",\"trackingNumber\":\"YT99887766\"}").statusCode(200);
        Instant receiveBy = Instant.parse(requests(orderId).extract().path("[0].respondBy"));
        afterSales.actOnOverdue(receiveBy.plusSeconds(1)); // nobody received it: the clock does, into quarantine
        afterSales.actOnOverdue(receiveBy.plusSeconds(2));
        long replacementId = requests(orderId).body("[0].status", equalTo("REPLACING"))
                .body("[0].disposition", equalTo("QUARANTINE")).extract().jsonPath().getLong("[0].replacementOrderId");
        order(replacementId).body("lines[0].sku", equalTo(sizes.small())).body("lines[0].quantity", equalTo(2));

        CheckoutSagaTest.event(STOCK, "StockRejected", replacementId, ",\"sku\":\"" + sizes.small()
                + "\",\"requested\":2,\"available\":0");
        CheckoutSagaTest.awaitStatus(replacementId, "CANCELLED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> requests(orderId).body("[0].status", equalTo("APPROVED")));
        CheckoutSagaTest.event(STOCK, "StockRejected", replacementId, ",\"sku\":\"" + sizes.small()
                + "\",\"requested\":2,\"available\":0");
        List<String> approvals = approvals(orderId);
        assertEquals(1, approvals.size(), "the refund is asked once");
        assertTrue(approvals.getFirst().contains("\"amountMinor\":10000")
                && approvals.getFirst().contains("\"refundReference\":\"after-sales-" + requestId + "\""), approvals.getFirst());
        AfterSalesTest.refunded(orderId, 10_000, requestId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> requests(orderId).body("[0].status", equalTo("REFUNDED")));
    }

    @Test
    void a_replacement_the_shopper_cancels_before_it_ships_refunds_instead() {
        var sizes = listedSizes();
        long orderId = AfterSalesTest.orderOf("shopper", "DELIVERED", sizes.small());
        long requestId = ask("shopper", orderId, exchangeOne(sizes.small(), sizes.small())).statusCode(201)
                .extract().jsonPath().getLong("id");
        long replacementId = sentBackAndReceived(orderId, requestId, "QUARANTINE");
        CheckoutSagaTest.event(STOCK, "StockReserved", replacementId, "");
        CheckoutSagaTest.awaitStatus(replacementId, "PAID");
        CheckoutSagaTest.post("shopper", "/orders/" + replacementId + "/cancellation", UUID.randomUUID().toString())
                .statusCode(200).body("status", equalTo("CANCELLED"));
        requests(orderId).body("[0].status", equalTo("APPROVED"));
        assertEquals(1, approvals(orderId).size());
        assertTrue(approvals(orderId).getFirst().contains("\"amountMinor\":5000"));
        String cancelled = eventsOfType(replacementId, "OrderCancelled").getFirst();
        assertTrue(cancelled.contains("\"stock\":\"RESTOCK\"") && !cancelled.contains("\"refund\":{"),
                "the replacement's units go back to stock; nothing was paid for it, so nothing is refunded on it: " + cancelled);
    }

    @Test
    void replacements_not_of_the_same_product_at_the_same_price_are_refused_with_nothing_written() {
        var sizes = listedSizes();
        String otherProduct = CheckoutSagaTest.listedSku(5_000);
        long orderId = AfterSalesTest.orderOf("shopper", "DELIVERED", sizes.small());
        record Case(String body, String type) {}
        for (var c : List.of(
                new Case(exchangeOne(sizes.small(), sizes.giftBox()), "replacement-price-differs"),
                new Case(exchangeOne(sizes.small(), otherProduct), "replacement-not-same-product"),
                new Case(exchangeOne(sizes.small(), "NO-SUCH-SKU"), "replacement-unavailable"),
                new Case("{\"kind\":\"RETURN_AND_REFUND\",\"reason\":\"DAMAGED\",\"lines\":[{\"sku\":\"" + sizes.small()
                        + "\",\"quantity\":1,\"replacementSku\":\"" + sizes.large() + "\"}]}", "replacement-not-exchange"))) {
            ask("shopper", orderId, c.body()).statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://quarkmall.io/problems/" + c.type()))
                    .body("violations[0].field", equalTo("lines[0].replacementSku"));
        }
        ask("shopper", orderId, exchangeOne(sizes.small(), "")).statusCode(400).contentType("application/problem+json");
        requests(orderId).body("size()", equalTo(0));
        order(orderId).body("timeline.note.findAll { it.startsWith('After-sales') }.size()", equalTo(0));
    }
}
