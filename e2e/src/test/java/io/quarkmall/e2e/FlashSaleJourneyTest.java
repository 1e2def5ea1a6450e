package io.quarkmall.e2e;

import static io.quarkmall.e2e.Shop.SAGA;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.testing.Tokens;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A flash sale across the services, over HTTP with real tokens: a merchant schedules it, shoppers
 * get their sale tokens and buy; stock admits them, cart-order places each admitted buyer's order,
 * stock holds its unit from the sale's set-aside, pay charges it and the order is PAID, the unit
 * sold in stock's ledger. An admitted buyer who does not pay loses the order at the payment
 * timeout, and the unit goes back to the sale, where another shopper buys it. At every step the
 * sale's units are sold + left + held, none more.
 */
@ExtendWith(Mall.class)
class FlashSaleJourneyTest {

    /** cart-order runs with this payment window during the test (15 min otherwise), so the unpaid order times out soon. */
    private static final Duration PAYMENT_WINDOW = Duration.ofSeconds(45);
    private static final int UNITS = 2;
    private static final int ON_HAND = 10;
    private static final long PRICE = 9_900;

    @Test
    void an_admitted_buyer_pays_through_the_saga_and_an_unpaid_buyers_unit_goes_back_to_the_sale_for_another() throws Exception {
        List<String> buyers = Shoppers.ensure("flashbuyer%02d", 3);
        String payer = buyers.get(0);
        String idler = buyers.get(1);
        String late = buyers.get(2);
        String sku = "E2E-FS-" + Shop.marker();
        Shop.listFindable(sku, "限时普洱茶饼", 30_000, ON_HAND);

        Mall.running().stop("cart-order");
        Mall.running().start("cart-order", "quarkmall.order.payment-timeout=" + PAYMENT_WINDOW);
        try (var db = MallLedgers.open()) {
            journey(db, sku, payer, idler, late);
        } finally {
            Mall.running().stop("cart-order");
            Mall.running().start("cart-order");
        }
    }

    private static void journey(MallLedgers db, String sku, String payer, String idler, String late) throws Exception {
        long saleId = schedule(sku);
        Shop.stock(sku).body("onHand", equalTo(ON_HAND)).body("reserved", equalTo(UNITS))
                .body("available", equalTo(ON_HAND - UNITS));
        Map<String, String> tokens = Map.of(payer, saleToken(payer, saleId), idler, saleToken(idler, saleId),
                late, saleToken(late, saleId));
        buy(late, saleId, tokens.get(late)).statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/flash-sale-not-started"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> sale(saleId).body("phase", equalTo("LIVE")));

        UUID paidTicket = admitted(buy(payer, saleId, tokens.get(payer)));
        UUID unpaidTicket = admitted(buy(idler, saleId, tokens.get(idler)));
        buy(late, saleId, tokens.get(late)).statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/flash-sale-sold-out"));
        sale(saleId).body("remaining", equalTo(0));

        long paidOrder = orderOf(payer, paidTicket);
        long unpaidOrder = orderOf(idler, unpaidTicket);
        for (var order : List.of(Map.entry(payer, paidOrder), Map.entry(idler, unpaidOrder))) {
            Shop.awaitStatus(order.getKey(), order.getValue(), "STOCK_RESERVED");
            Shop.order(order.getKey(), order.getValue()).body("kind", equalTo("FLASH_SALE"))
                    .body("lines[0].sku", equalTo(sku)).body("lines[0].quantity", equalTo(1))
                    .body("total.amountMinor", equalTo((int) PRICE));
        }
        assertEquals("ORDERED", db.flashSaleTicketStatus(unpaidTicket));
        assertUnits(saleId, sku, 0, 2);

        Shop.payWhenPayable(payer, paidOrder, "tok_sandbox_success").then().statusCode(201)
                .body("status", equalTo("CAPTURED")).body("amount.amountMinor", equalTo((int) PRICE));
        await().atMost(SAGA).untilAsserted(() -> Shop.order(payer, paidOrder).body("timeline.status", hasItem("PAID")));
        awaitSold(sku, paidOrder);
        await().atMost(SAGA).until(() -> "PAID".equals(db.flashSaleTicketStatus(paidTicket)));
        Shop.stock(sku).body("onHand", equalTo(ON_HAND - 1)).body("reserved", equalTo(UNITS - 1));
        assertUnits(saleId, sku, 1, 1);

        await().atMost(PAYMENT_WINDOW.plus(SAGA)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Shop.order(idler, unpaidOrder).body("status", equalTo("CANCELLED"))
                        .body("cancelReason", equalTo("UNPAID_TIMEOUT")));
        await().atMost(SAGA).untilAsserted(() -> sale(saleId).body("remaining", equalTo(1)));
        assertEquals("RETURNED", db.flashSaleTicketStatus(unpaidTicket));
        Shop.stock(sku).body("onHand", equalTo(ON_HAND - 1)).body("reserved", equalTo(UNITS - 1))
                .body("available", equalTo(ON_HAND - UNITS));
        assertUnits(saleId, sku, 1, 0);

        UUID secondChance = admitted(buy(late, saleId, tokens.get(late)));
        long lateOrder = orderOf(late, secondChance);
        Shop.awaitStatus(late, lateOrder, "STOCK_RESERVED");
        sale(saleId).body("remaining", equalTo(0));
        assertUnits(saleId, sku, 1, 1);
        Shop.payWhenPayable(late, lateOrder, "tok_sandbox_success").then().statusCode(201);
        await().atMost(SAGA).untilAsserted(() -> Shop.order(late, lateOrder).body("timeline.status", hasItem("PAID")));
        awaitSold(sku, lateOrder);
        assertUnits(saleId, sku, 2, 0);
        Shop.stock(sku).body("onHand", equalTo(ON_HAND - UNITS)).body("reserved", equalTo(0))
                .body("available", equalTo(ON_HAND - UNITS));
        assertEquals("RETURNED", db.flashSaleTicketStatus(unpaidTicket), "the returned ticket stays returned");
    }

    /** A sale of {@link #UNITS} units, one per shopper, starting in a few seconds (inside the token window) for 5 minutes. */
    private static long schedule(String sku) {
        Instant start = Instant.now().plusSeconds(8);
        return Shop.post("merchant", "/api/stock/flash-sales", """
                {"sku":"%s","quantity":%d,"price":{"amountMinor":%d,"currency":"CNY"},"startsAt":"%s","endsAt":"%s",
                 "perShopperLimit":1}""".formatted(sku, UNITS, PRICE, start, start.plus(Duration.ofMinutes(5))))
                .then().statusCode(201).body("phase", equalTo("UPCOMING")).body("remaining", equalTo(UNITS))
                .extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse sale(long saleId) {
        return given().when().get("/api/stock/flash-sales/{id}", saleId).then().statusCode(200);
    }

    private static String saleToken(String shopper, long saleId) {
        return given().auth().oauth2(Tokens.of(shopper)).when().get("/api/stock/flash-sales/{id}/token", saleId)
                .then().statusCode(200).extract().path("token");
    }

    private static ValidatableResponse buy(String shopper, long saleId, String saleToken) {
        return given().auth().oauth2(Tokens.of(shopper)).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Sale-Token", saleToken)
                .when().post("/api/stock/flash-sales/{id}/purchases", saleId).then();
    }

    private static UUID admitted(ValidatableResponse answer) {
        return UUID.fromString(answer.statusCode(201).body("outcome", equalTo("ADMITTED")).extract().path("ticketId"));
    }

    /** The FLASH_SALE order cart-order placed for the shopper's ticket, once stock has announced the admission. */
    private static long orderOf(String shopper, UUID ticket) {
        long[] found = new long[1];
        await().atMost(SAGA).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<Map<String, Object>> orders = given().auth().oauth2(Tokens.of(shopper)).queryParam("size", 100)
                    .when().get("/api/cart-order/orders").then().statusCode(200).extract().jsonPath().getList("$");
            for (var summary : orders) {
                long id = ((Number) summary.get("id")).longValue();
                if ("FLASH_SALE".equals(summary.get("kind"))
                        && ticket.toString().equals(Shop.order(shopper, id).statusCode(200).extract().path("flashSaleTicket"))) {
                    found[0] = id;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Stock's ledger shows the order's unit sold: one SALE movement out of the sale's warehouse. */
    private static void awaitSold(String sku, long orderId) {
        await().atMost(SAGA).untilAsserted(() -> sales(sku).body("findAll { it.reference == 'order:%d' }.quantity"
                .formatted(orderId), equalTo(List.of(-1))));
    }

    private static ValidatableResponse sales(String sku) {
        return given().auth().oauth2(Tokens.of("merchant")).queryParam("sku", sku).queryParam("kind", "SALE")
                .queryParam("size", 200).when().get("/api/stock/movements").then().statusCode(200);
    }

    /**
     * No oversell: the units sold (stock's ledger), left (the sale, from Redis) and held by unpaid
     * orders add up to the sale's units, and the SKU's reserved units are exactly those not sold.
     */
    private static void assertUnits(long saleId, String sku, int sold, int held) {
        List<Integer> movements = sales(sku).extract().path("quantity");
        int soldInLedger = -movements.stream().mapToInt(Integer::intValue).sum();
        int left = sale(saleId).extract().path("remaining");
        assertEquals(sold, soldInLedger, "units sold in stock's ledger");
        assertEquals(UNITS, soldInLedger + left + held, "sold " + soldInLedger + " + left " + left + " + held " + held);
        Shop.stock(sku).body("reserved", equalTo(UNITS - soldInLedger));
    }
}
