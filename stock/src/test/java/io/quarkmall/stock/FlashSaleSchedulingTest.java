package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.drafted;
import static io.quarkmall.stock.CatalogAnnouncements.newSku;
import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.FlashSales.body;
import static io.quarkmall.stock.FlashSales.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scheduling a flash sale sets its units aside from the SKU's stock, so the regular shop cannot
 * sell them too; bad terms are a 4xx problem and change nothing.
 */
@QuarkusTest
class FlashSaleSchedulingTest {

    private final Instant soon = Instant.now().plusSeconds(120);
    private final Instant later = soon.plusSeconds(600);

    private static long available(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> StockLevel.<StockLevel>findById(sku).available());
    }

    private static long salesOf(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> FlashSale.count("sku", sku));
    }

    @Test
    void a_merchant_schedules_a_sale_of_its_own_sku_and_its_units_are_set_aside() {
        String sku = stocked("FS", 30);

        schedule("merchant", body(sku, 20, 2, soon, later)).statusCode(201)
                .body("id", notNullValue()).body("sku", equalTo(sku)).body("quantity", equalTo(20))
                .body("remaining", equalTo(20)).body("perShopperLimit", equalTo(2)).body("phase", equalTo("UPCOMING"))
                .body("price.amountMinor", equalTo(990)).body("price.currency", equalTo("CNY"))
                .body("serverTime", notNullValue());

        assertEquals(10, available(sku), "the sale's 20 units are no longer available to the regular shop");
        given().auth().oauth2(Tokens.of("merchant")).when().get("/stock/{sku}", sku).then()
                .statusCode(200).body("onHand", equalTo(30)).body("reserved", equalTo(20));
        given().when().get("/flash-sales").then().statusCode(200).body("sku", hasItem(sku));
    }

    @Test
    void an_admin_schedules_a_sale_of_any_sku() {
        String sku = newSku("FS-ANY");
        drafted("rival-" + UUID.randomUUID(), sku);
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                .body("{\"onHand\":5}").when().put("/stock/{sku}", sku).then().statusCode(200);

        schedule("admin", body(sku, 5, 1, soon, later)).statusCode(201);
        assertEquals(0, available(sku));
    }

    @Test
    void more_units_than_available_are_refused_and_nothing_is_set_aside() {
        String sku = stocked("FS", 10);
        schedule("merchant", body(sku, 11, 1, soon, later)).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/not-enough-stock"));
        assertEquals(10, available(sku));
        assertEquals(0, salesOf(sku));
    }

    @Test
    void a_sale_starting_in_the_past_or_ending_before_it_starts_is_refused() {
        String sku = stocked("FS", 10);
        Instant past = Instant.now().minusSeconds(5);
        schedule("merchant", body(sku, 1, 1, past, later)).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/flash-sale-starts-in-the-past"));
        schedule("merchant", body(sku, 1, 1, soon, soon)).statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/flash-sale-ends-before-it-starts"));
        schedule("merchant", body(sku, 1, 1, later, soon)).statusCode(409);
        assertEquals(10, available(sku));
        assertEquals(0, salesOf(sku));
    }

    @Test
    void a_sale_starting_more_than_ninety_days_ahead_is_refused_even_beyond_what_the_database_can_hold() {
        String sku = stocked("FS", 10);
        Instant tooFar = Instant.now().plus(FlashSale.FARTHEST_AHEAD).plusSeconds(60);
        Instant beyondDatabase = Instant.parse("+300000-01-01T00:00:00Z");
        for (Instant start : new Instant[] {tooFar, beyondDatabase}) {
            schedule("merchant", body(sku, 1, 1, start, start.plusSeconds(3600))).statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://quarkmall.io/problems/flash-sale-too-far-ahead"));
        }
        assertEquals(10, available(sku));
        assertEquals(0, salesOf(sku));
    }

    @Test
    void non_positive_quantities_limits_and_malformed_terms_are_bad_input() {
        String sku = stocked("FS", 10);
        for (String bad : new String[] {
                body(sku, 0, 1, soon, later), body(sku, -3, 1, soon, later), body(sku, 1, 0, soon, later),
                body(sku, 1, -1, soon, later), body(sku, 1, 1, soon, later).replace("\"CNY\"", "\"XYZ\""),
                body(sku, 1, 1, soon, later).replace("990", "-1"), body(sku, 1, 1, soon, later).replace("\"CNY\"", "\"cny\""),
                body("bad sku!", 1, 1, soon, later), "{\"sku\":\"" + sku + "\"}", body(sku, 1, 1, soon, later)
                .replace(soon.toString(), "tomorrow")}) {
            schedule("merchant", bad).statusCode(400).contentType("application/problem+json");
        }
        assertEquals(10, available(sku));
        assertEquals(0, salesOf(sku));
    }

    @Test
    void an_unknown_sku_or_another_merchants_is_not_found() {
        String unknown = newSku("FS-NEVER");
        schedule("merchant", body(unknown, 1, 1, soon, later)).statusCode(404).contentType("application/problem+json");

        String theirs = newSku("FS-RIVAL");
        drafted("rival-" + UUID.randomUUID(), theirs);
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                .body("{\"onHand\":5}").when().put("/stock/{sku}", theirs).then().statusCode(200);
        schedule("merchant", body(theirs, 1, 1, soon, later)).statusCode(404);
        assertEquals(5, available(theirs));
        assertEquals(0, salesOf(theirs));
    }

    @Test
    void scheduling_needs_a_merchants_or_admins_token_and_an_idempotency_key() {
        String sku = stocked("FS", 10);
        given().contentType(ContentType.JSON).body(body(sku, 1, 1, soon, later)).when().post("/flash-sales").then()
                .statusCode(401);
        schedule("shopper", body(sku, 1, 1, soon, later)).statusCode(403);
        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON)
                .body(body(sku, 1, 1, soon, later)).when().post("/flash-sales").then().statusCode(400);
        assertEquals(0, salesOf(sku));
    }

    @Test
    void a_retried_schedule_with_the_same_key_sets_units_aside_once() {
        String sku = stocked("FS", 10);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(body(sku, 4, 1, soon, later)).when().post("/flash-sales").then()
                    .statusCode(201);
        }
        assertEquals(6, available(sku));
        assertEquals(1, salesOf(sku));
    }

    @Test
    void a_sale_is_public_and_an_unknown_one_is_not_found() {
        given().when().get("/flash-sales/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/flash-sales").then().statusCode(200).body("phase", not(hasItem("ENDED")));
    }
}
