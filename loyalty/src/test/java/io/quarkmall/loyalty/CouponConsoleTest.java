package io.quarkmall.loyalty;

import static io.quarkmall.loyalty.CouponFixtures.PROBLEMS;
import static io.quarkmall.loyalty.CouponFixtures.changes;
import static io.quarkmall.loyalty.CouponFixtures.post;
import static io.quarkmall.loyalty.CouponFixtures.template;
import static io.quarkmall.loyalty.CouponFixtures.templateBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.loyalty.domain.CouponTemplate;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coupon templates in the console: what a merchant and an admin may do, and bad input refused with a clear 4xx. */
@QuarkusTest
class CouponConsoleTest {

    private static final String LATER = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    private static final String LATER_STILL = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    @Test
    void a_merchant_creates_a_threshold_template_for_a_category() {
        post("merchant", "/operator/coupon-templates", templateBody(changes("name", "¥20 off ¥200 of shoes", "kind", "THRESHOLD",
                "amountOffMinor", 2000, "minSubtotalMinor", 20000, "scope", "CATEGORY", "scopeTargets", List.of("shoes"),
                "validDaysAfterClaim", null, "validFrom", LATER, "validTo", LATER_STILL, "exclusiveGroup", "newcomer")))
                .statusCode(201)
                .body("status", equalTo("ACTIVE")).body("issued", equalTo(0)).body("ownerId", equalTo(Tokens.subjectOf("merchant")))
                .body("amountOff.amountMinor", equalTo(2000)).body("minSubtotal.amountMinor", equalTo(20000))
                .body("summary", equalTo("CNY 20.00 off CNY 200.00 or more on category shoes"))
                .body("validFrom", equalTo(LATER)).body("exclusiveGroup", equalTo("newcomer"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(textBlock = """
            # what is wrong,                    status, problem type
            negative amount,                    400,    invalid-input
            percent over 100%,                  400,    invalid-input
            unknown kind,                       400,    unreadable-body
            validTo before validFrom,           422,    coupon-validity-reversed
            validTo already passed,             422,    coupon-validity-over
            window and days both,               422,    coupon-validity-unclear
            FIXED without an amount,            422,    coupon-amount-off
            PERCENT with an amount,             422,    coupon-amount-off
            THRESHOLD without its subtotal,     422,    coupon-threshold
            CATEGORY without categories,        422,    coupon-scope
            per shopper over the total,         422,    coupon-limits
            no currency of ISO-4217,            422,    coupon-currency
            """)
    void a_template_that_cannot_be_is_refused_and_nothing_is_created(String wrong, int status, String type) {
        Map<String, Object> changes = switch (wrong) {
            case "negative amount" -> changes("amountOffMinor", -100);
            case "percent over 100%" -> changes("kind", "PERCENT", "amountOffMinor", null, "percentOffBasisPoints", 10_001);
            case "unknown kind" -> changes("kind", "BOGUS");
            case "validTo before validFrom" -> changes("validDaysAfterClaim", null, "validFrom", LATER_STILL, "validTo", LATER);
            case "validTo already passed" -> changes("validDaysAfterClaim", null, "validFrom", "2020-01-01T00:00:00Z",
                    "validTo", "2020-02-01T00:00:00Z");
            case "window and days both" -> changes("validFrom", LATER, "validTo", LATER_STILL);
            case "FIXED without an amount" -> changes("amountOffMinor", null);
            case "PERCENT with an amount" -> changes("kind", "PERCENT", "percentOffBasisPoints", 1000);
            case "THRESHOLD without its subtotal" -> changes("kind", "THRESHOLD");
            case "CATEGORY without categories" -> changes("scope", "CATEGORY");
            case "per shopper over the total" -> changes("perShopperLimit", 20, "totalLimit", 10);
            case "no currency of ISO-4217" -> changes("currency", "XYZ");
            default -> throw new IllegalArgumentException(wrong);
        };
        String name = "Refused " + wrong + " " + System.nanoTime();
        changes.put("name", name);
        post("merchant", "/operator/coupon-templates", templateBody(changes))
                .statusCode(status).contentType("application/problem+json").body("type", equalTo(PROBLEMS + type));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> CouponTemplate.count("name", name)));
    }

    @Test
    void a_template_pauses_resumes_and_ends_once() {
        long id = template(changes());
        String path = "/operator/coupon-templates/" + id;
        post("merchant", path + "/resume", null).statusCode(409).body("type", equalTo(PROBLEMS + "coupon-template-not-paused"));
        post("merchant", path + "/pause", null).statusCode(200).body("status", equalTo("PAUSED"));
        post("merchant", path + "/pause", null).statusCode(409).body("type", equalTo(PROBLEMS + "coupon-template-not-active"));
        post("merchant", path + "/resume", null).statusCode(200).body("status", equalTo("ACTIVE"));
        post("merchant", path + "/end", null).statusCode(200).body("status", equalTo("ENDED"));
        post("merchant", path + "/end", null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "coupon-template-ended"));
        given().auth().oauth2(Tokens.of("merchant")).when().get(path).then().statusCode(200).body("status", equalTo("ENDED"));
    }

    @Test
    void a_merchant_manages_only_its_own_templates_and_an_admin_every_one() {
        long id = template(changes());
        String path = "/operator/coupon-templates/" + id;
        given().auth().oauth2(Tokens.of("merchant2")).when().get(path).then().statusCode(404).contentType("application/problem+json");
        post("merchant2", path + "/pause", null).statusCode(404);
        given().auth().oauth2(Tokens.of("merchant2")).queryParam("size", 100).when().get("/operator/coupon-templates").then()
                .statusCode(200).body("id", not(hasItem((int) id)));
        given().auth().oauth2(Tokens.of("admin")).when().get(path).then().statusCode(200);
        post("admin", path + "/pause", null).statusCode(200).body("status", equalTo("PAUSED"));
        given().auth().oauth2(Tokens.of("merchant")).queryParam("status", "PAUSED").queryParam("size", 100)
                .when().get("/operator/coupon-templates").then().statusCode(200)
                .body("id", hasItem((int) id)).body("status", everyItem(equalTo("PAUSED")));
        given().auth().oauth2(Tokens.of("merchant")).queryParam("status", "SLEEPING").when().get("/operator/coupon-templates")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("merchant")).when().get("/operator/coupon-templates/987654321").then().statusCode(404);
        post("merchant", "/operator/coupon-templates/987654321/end", null).statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void the_console_is_for_merchants_and_admins_and_every_coupon_endpoint_needs_a_token() {
        given().auth().oauth2(Tokens.of("shopper")).when().get("/operator/coupon-templates").then().statusCode(403)
                .contentType("application/problem+json");
        post("shopper", "/operator/coupon-templates", templateBody(changes())).statusCode(403);
        given().when().get("/coupons/me").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/operator/coupon-templates").then().statusCode(401);
        given().auth().oauth2(Tokens.withoutMallAudience("shopper")).when().get("/coupons/templates").then().statusCode(401);
    }

    @Test
    void every_coupon_endpoint_is_described_in_openapi_with_its_idempotency_key() {
        var paths = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String post : List.of("/operator/coupon-templates", "/operator/coupon-templates/{id}/pause",
                "/operator/coupon-templates/{id}/resume", "/operator/coupon-templates/{id}/end",
                "/operator/coupon-templates/{id}/issues", "/coupons/templates/{id}/claims", "/coupons/quote")) {
            String operation = "paths['/api/loyalty" + post + "'].post";
            assertEquals(true, paths.getString(operation + ".summary").length() > 20, post);
            assertEquals(List.of("Idempotency-Key"), paths.getList(operation + ".parameters.findAll { it.in == 'header' }.name"), post);
        }
        for (String get : List.of("/operator/coupon-templates", "/operator/coupon-templates/{id}", "/coupons/templates", "/coupons/me")) {
            assertEquals(true, paths.getString("paths['/api/loyalty" + get + "'].get.summary").length() > 20, get);
        }
    }
}
