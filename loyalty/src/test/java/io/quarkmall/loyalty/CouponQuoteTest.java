package io.quarkmall.loyalty;

import static io.quarkmall.loyalty.CouponFixtures.PROBLEMS;
import static io.quarkmall.loyalty.CouponFixtures.changes;
import static io.quarkmall.loyalty.CouponFixtures.claim;
import static io.quarkmall.loyalty.CouponFixtures.post;
import static io.quarkmall.loyalty.CouponFixtures.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /coupons/quote: the server computes and explains every discount, and changes nothing. */
@QuarkusTest
class CouponQuoteTest {

    private static Map<String, Object> line(String sku, String category, int quantity, long unitMinor, String currency) {
        return Map.of("sku", sku, "categoryId", category, "quantity", quantity,
                "unitPrice", Map.of("amountMinor", unitMinor, "currency", currency));
    }

    private static Map<String, Object> quote(List<Map<String, Object>> lines, List<Long> couponIds) {
        return Map.of("lines", lines, "couponIds", couponIds);
    }

    /** What cart-order reads of the answer, and its tests' stub serves, is what this schema says. */
    private static Set<?> violationsOfTheContract(String answer) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("../docs/api/loyalty.coupon-quote.schema.json")))
                .validate(new ObjectMapper().readTree(answer));
    }

    @Test
    void a_quote_applies_the_shoppers_coupons_line_by_line_and_changes_nothing() throws Exception {
        long threshold = claim("shopper", template(changes("name", "¥20 off ¥200 shoes", "kind", "THRESHOLD",
                "amountOffMinor", 2000, "minSubtotalMinor", 20000, "scope", "CATEGORY", "scopeTargets", List.of("shoes"))));
        long percent = claim("shopper", template(changes("name", "10% off, at most ¥5", "kind", "PERCENT", "amountOffMinor", null,
                "percentOffBasisPoints", 1000, "capMinor", 500)));
        long solo = claim("shopper", template(changes("name", "Alone", "stackable", false)));
        var cart = List.of(line("SHOE-1", "shoes", 2, 12_000, "CNY"), line("SOCK-1", "socks", 1, 1_000, "CNY"));

        String answer = post("shopper", "/coupons/quote", quote(cart, List.of(threshold, percent, solo))).statusCode(200)
                .body("subtotal.amountMinor", equalTo(25_000)).body("discount.amountMinor", equalTo(2_500))
                .body("total.amountMinor", equalTo(22_500))
                .body("lines[0].discount.amountMinor", equalTo(2_478)).body("lines[1].discount.amountMinor", equalTo(22))
                .body("applied[0].couponId", equalTo((int) threshold)).body("applied[0].templateName", equalTo("¥20 off ¥200 shoes"))
                .body("applied[0].amount.amountMinor", equalTo(2_000))
                .body("applied[0].why", equalTo("CNY 20.00 off CNY 200.00 or more on category shoes (CNY 240.00 in scope)."))
                .body("applied[0].lines.size()", equalTo(1))
                .body("applied[1].amount.amountMinor", equalTo(500)).body("applied[1].lines.sku", equalTo(List.of("SHOE-1", "SOCK-1")))
                .body("notApplied[0].couponId", equalTo((int) solo)).body("notApplied[0].reason", equalTo("NOT_STACKABLE"))
                .extract().asString();
        assertEquals(Set.of(), violationsOfTheContract(answer), "cart-order relies on docs/api/loyalty.coupon-quote.schema.json");

        given().auth().oauth2(Tokens.of("shopper")).queryParam("size", 100).when().get("/coupons/me").then()
                .body("find { it.id == %d }.state".formatted(threshold), equalTo("AVAILABLE"))
                .body("find { it.id == %d }.state".formatted(percent), equalTo("AVAILABLE"));
    }

    @Test
    void a_quote_sent_again_with_its_key_answers_the_same() {
        long coupon = claim("shopper", template(changes()));
        var body = quote(List.of(line("A", "toys", 1, 5_000, "CNY")), List.of(coupon));
        String key = UUID.randomUUID().toString();
        post("shopper", "/coupons/quote", body, key).statusCode(200).body("discount.amountMinor", equalTo(1_000));
        post("shopper", "/coupons/quote", body, key).statusCode(200).header("Idempotent-Replayed", "true")
                .body("discount.amountMinor", equalTo(1_000));
        post("shopper", "/coupons/quote", quote(List.of(line("A", "toys", 2, 5_000, "CNY")), List.of(coupon)), key)
                .statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
    }

    @Test
    void another_shoppers_coupon_or_one_that_does_not_exist_is_a_409() {
        long theirs = claim("shopper2", template(changes()));
        var cart = List.of(line("A", "toys", 1, 5_000, "CNY"));
        for (long id : new long[] {theirs, 987_654_321L}) {
            post("shopper", "/coupons/quote", quote(cart, List.of(id))).statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "coupon-not-yours"))
                    .body("detail", equalTo("Coupon " + id + " is not in your wallet."));
        }
    }

    @Test
    void a_cart_that_cannot_be_quoted_is_a_clear_4xx() {
        long coupon = claim("shopper", template(changes()));
        var good = line("A", "toys", 1, 5_000, "CNY");
        post("shopper", "/coupons/quote", quote(List.of(good, line("B", "toys", 1, 5_000, "USD")), List.of(coupon)))
                .statusCode(422).body("type", equalTo(PROBLEMS + "mixed-currencies"));
        post("shopper", "/coupons/quote", quote(List.of(good), List.of(coupon, coupon))).statusCode(400)
                .body("violations[0].field", equalTo("couponIds"));
        post("shopper", "/coupons/quote", quote(List.of(), List.of(coupon))).statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-input"));
        post("shopper", "/coupons/quote", quote(List.of(line("A", "toys", 1, -1, "CNY")), List.of())).statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-input"));
        post("shopper", "/coupons/quote", quote(List.of(line("A", "toys", 0, 100, "CNY")), List.of())).statusCode(400);
        post("shopper", "/coupons/quote", quote(List.of(line("A", "toys", 1, 100, "XYZ")), List.of())).statusCode(400)
                .body("violations[0].field", equalTo("currency"));
    }
}
