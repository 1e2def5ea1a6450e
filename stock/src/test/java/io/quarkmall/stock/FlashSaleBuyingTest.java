package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.FlashSales.awaitStart;
import static io.quarkmall.stock.FlashSales.buy;
import static io.quarkmall.stock.FlashSales.saleToken;
import static io.quarkmall.stock.FlashSales.scheduled;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Buying in a flash sale over HTTP: a sale token first, then an instant answer from Redis. */
@QuarkusTest
class FlashSaleBuyingTest {

    private static final String PROBLEMS = "https://quarkmall.io/problems/";

    /** A client address of this test's own, so the per-address limit counts only its requests. */
    private static String address() {
        return "10.%d.%d.%d".formatted((int) (Math.random() * 250), (int) (Math.random() * 250), (int) (Math.random() * 250));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void an_admitted_shopper_gets_a_ticket_and_a_retry_with_the_same_key_gets_the_same_ticket() {
        long sale = scheduled(stocked("FS", 5), 5, 2, Duration.ofSeconds(2), Duration.ofMinutes(10));
        String shopper = Tokens.of("shopper");
        String address = address();
        String token = saleToken(shopper, sale, address);
        awaitStart(sale);
        String key = key();

        String ticket = buy(shopper, sale, token, key, address).statusCode(201).body("outcome", equalTo("ADMITTED"))
                .body("saleId", equalTo((int) sale)).extract().path("ticketId");
        buy(shopper, sale, token, key, address).statusCode(200).header("Idempotent-Replayed", "true")
                .body("ticketId", equalTo(ticket));

        given().when().get("/flash-sales/{id}", sale).then().statusCode(200).body("remaining", equalTo(4))
                .body("phase", equalTo("LIVE"));
    }

    @Test
    void a_shopper_past_the_limit_is_told_limit_reached_and_the_last_unit_sold_is_sold_out() {
        long sale = scheduled(stocked("FS", 3), 3, 2, Duration.ofSeconds(2), Duration.ofMinutes(10));
        String first = Tokens.of("shopper");
        String second = Tokens.of("shopper2");
        String address = address();
        String firstToken = saleToken(first, sale, address);
        String secondToken = saleToken(second, sale, address);
        awaitStart(sale);

        buy(first, sale, firstToken, key(), address).statusCode(201);
        buy(first, sale, firstToken, key(), address).statusCode(201);
        buy(first, sale, firstToken, key(), address).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "flash-sale-limit-reached")).body("title", equalTo("Limit reached"));
        buy(second, sale, secondToken, key(), address).statusCode(201);
        buy(second, sale, secondToken, key(), address).statusCode(409)
                .body("type", equalTo(PROBLEMS + "flash-sale-sold-out")).body("title", equalTo("Sold out"));
        given().when().get("/flash-sales/{id}", sale).then().body("remaining", equalTo(0));
    }

    @Test
    void before_the_start_the_answer_is_not_started_and_after_the_end_ended() {
        long sale = scheduled(stocked("FS", 3), 3, 1, Duration.ofSeconds(3), Duration.ofSeconds(2));
        String shopper = Tokens.of("shopper");
        String address = address();
        String token = saleToken(shopper, sale, address);

        String key = key();
        buy(shopper, sale, token, key, address).statusCode(409).body("type", equalTo(PROBLEMS + "flash-sale-not-started"));
        awaitStart(sale);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                "ENDED".equals(given().when().get("/flash-sales/{id}", sale).then().extract().path("phase")));
        buy(shopper, sale, token, key, address).statusCode(409).body("type", equalTo(PROBLEMS + "flash-sale-ended"));
        given().auth().oauth2(shopper).header("X-Forwarded-For", address).when().get("/flash-sales/{id}/token", sale).then()
                .statusCode(409).body("type", equalTo(PROBLEMS + "flash-sale-ended"));
    }

    @Test
    void a_sale_token_is_issued_only_shortly_before_the_start_and_only_for_a_known_sale() {
        long sale = scheduled(stocked("FS", 3), 3, 1, Duration.ofMinutes(1), Duration.ofMinutes(10));
        String shopper = Tokens.of("shopper");
        given().auth().oauth2(shopper).header("X-Forwarded-For", address()).when().get("/flash-sales/{id}/token", sale)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "sale-token-not-yet"));
        given().auth().oauth2(shopper).header("X-Forwarded-For", address()).when()
                .get("/flash-sales/{id}/token", Long.MAX_VALUE).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/flash-sales/{id}/token", sale).then().statusCode(401);
    }

    @Test
    void buying_needs_the_callers_own_sale_token_for_that_sale_and_an_idempotency_key() {
        long sale = scheduled(stocked("FS", 3), 3, 3, Duration.ofSeconds(2), Duration.ofMinutes(10));
        long other = scheduled(stocked("FS", 3), 3, 3, Duration.ofSeconds(2), Duration.ofMinutes(10));
        String shopper = Tokens.of("shopper");
        String address = address();
        String mine = saleToken(shopper, sale, address);
        String theirs = saleToken(Tokens.of("shopper2"), sale, address);
        String otherSales = saleToken(shopper, other, address);
        awaitStart(sale);

        buy(shopper, sale, null, key(), address).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "sale-token-invalid"));
        buy(shopper, sale, theirs, key(), address).statusCode(403);
        buy(shopper, sale, otherSales, key(), address).statusCode(403);
        buy(shopper, sale, mine + "x", key(), address).statusCode(403);
        buy(shopper, sale, mine, null, address).statusCode(400).contentType("application/problem+json");
        buy(shopper, sale, mine, "bad key with spaces", address).statusCode(400);
        given().header("Sale-Token", mine).header("Idempotency-Key", key()).when()
                .post("/flash-sales/{id}/purchases", sale).then().statusCode(401);
        buy(Tokens.of("merchant"), sale, mine, key(), address).statusCode(403);

        given().when().get("/flash-sales/{id}", sale).then().body("remaining", equalTo(3));
        buy(shopper, sale, mine, key(), address).statusCode(201).body("ticketId", notNullValue());
    }

    @Test
    void too_many_attempts_from_one_shopper_or_one_address_are_told_to_wait() throws Exception {
        long sale = scheduled(stocked("FS", 3), 3, 1, Duration.ofSeconds(1), Duration.ofMinutes(10));
        // accounts of this test's own: the limits it trips must not hold up the demo shoppers in other tests
        var bots = FlashSales.shoppers("flashbot%04d", 3);
        String bot = Tokens.issuedBy("quarkmall-cli", bots.get(0));
        String token = saleToken(bot, sale, address());
        awaitStart(sale);

        // one shopper from ever new addresses: the shopper's limit (60 per 10 s window in tests)
        int attempts = 0;
        int status = 0;
        while (status != 429 && attempts < 150) {
            status = buy(bot, sale, token, key(), address()).extract().statusCode();
            attempts++;
        }
        assertEquals(429, status, "the shopper is stopped");
        assertTrue(attempts >= 60, "not before the limit, stopped after " + attempts);
        buy(bot, sale, token, key(), address()).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("type", equalTo(PROBLEMS + "rate-limited"));

        // token requests of two other shoppers, taking turns, from one address: the address's limit, though
        // neither shopper reaches theirs
        String crowded = address();
        String[] others = {Tokens.issuedBy("quarkmall-cli", bots.get(1)), Tokens.issuedBy("quarkmall-cli", bots.get(2))};
        attempts = 0;
        status = 0;
        while (status != 429 && attempts < 150) {
            status = given().auth().oauth2(others[attempts % 2]).header("X-Forwarded-For", crowded).when()
                    .get("/flash-sales/{id}/token", sale).then().extract().statusCode();
            attempts++;
        }
        assertEquals(429, status, "the address is stopped");
        assertTrue(attempts >= 60, "not before the limit, stopped after " + attempts);
        assertEquals(2, given().when().get("/flash-sales/{id}", sale).then().extract().<Integer>path("remaining"),
                "one of three units was sold to the shopper, whose limit is one");
    }
}
