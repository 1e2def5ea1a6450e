package io.quarkmall.loyalty;

import static io.quarkmall.loyalty.CouponFixtures.PROBLEMS;
import static io.quarkmall.loyalty.CouponFixtures.changes;
import static io.quarkmall.loyalty.CouponFixtures.claim;
import static io.quarkmall.loyalty.CouponFixtures.counted;
import static io.quarkmall.loyalty.CouponFixtures.post;
import static io.quarkmall.loyalty.CouponFixtures.race;
import static io.quarkmall.loyalty.CouponFixtures.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.Coupon;
import io.quarkmall.loyalty.domain.CouponTemplate;
import io.quarkmall.loyalty.service.CouponTemplateService;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Claiming and issuing coupons: the limits hold under concurrency, and a wallet shows only its owner's coupons. */
@QuarkusTest
class CouponClaimTest {

    @Inject
    CouponTemplateService templates;

    @AfterEach
    void theBooksBalance() {
        CouponBooks.balance();
    }

    @Test
    void two_hundred_shoppers_racing_for_fifty_coupons_get_exactly_fifty() throws Exception {
        long id = template(changes("perShopperLimit", 1, "totalLimit", 50));
        String run = UUID.randomUUID().toString();
        List<String> outcomes = race(200, i -> () -> {
            try {
                templates.claim("racer-" + run + "-" + i, id);
                return "claimed";
            } catch (RuleViolation e) {
                return e.type();
            }
        });

        assertEquals(Map.of("claimed", 50L, "coupon-template-sold-out", 150L), counted(outcomes));
        assertEquals(50, QuarkusTransaction.requiringNew().call(() -> CouponTemplate.<CouponTemplate>findById(id).issued()));
        assertEquals(50L, QuarkusTransaction.requiringNew().call(() -> Coupon.count("template.id", id)));
        assertEquals(50L, QuarkusTransaction.requiringNew().call(() -> Coupon.find("template.id", id).stream()
                .map(c -> ((Coupon) c).shopperId()).distinct().count()));
    }

    @Test
    void fifty_parallel_claims_by_one_shopper_with_a_limit_of_two_get_exactly_two() throws Exception {
        long id = template(changes("perShopperLimit", 2, "totalLimit", 1000));
        List<String> outcomes = race(50, i -> () -> {
            var answer = post("shopper2", "/coupons/templates/" + id + "/claims", null).extract();
            return answer.statusCode() == 201 ? "claimed" : answer.statusCode() + " " + answer.path("type");
        });

        assertEquals(Map.of("claimed", 2L, "409 " + PROBLEMS + "coupon-limit-reached", 48L), counted(outcomes));
        List<Integer> mine = given().auth().oauth2(Tokens.of("shopper2")).queryParam("size", 100).when().get("/coupons/me")
                .then().statusCode(200).extract().path("findAll { it.templateId == %d }.templateId".formatted(id));
        assertEquals(2, mine.size());
    }

    @Test
    void a_claim_sent_again_with_its_key_returns_the_same_coupon_once() {
        long id = template(changes());
        String key = UUID.randomUUID().toString();
        long first = post("shopper", "/coupons/templates/" + id + "/claims", null, key).statusCode(201)
                .body("state", equalTo("AVAILABLE")).body("source", equalTo("CLAIMED")).extract().jsonPath().getLong("id");
        post("shopper", "/coupons/templates/" + id + "/claims", null, key).statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo((int) first));
        post("shopper", "/coupons/templates/" + id + "/claims", null, null).statusCode(400)
                .body("type", equalTo(PROBLEMS + "idempotency-key-required"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Coupon.count("template.id", id)));
    }

    @Test
    void a_shopper_sees_their_own_coupons_and_never_another_shoppers() {
        long id = template(changes("name", "Mine only"));
        long mine = claim("shopper", id);
        long theirs = claim("shopper2", id);

        given().auth().oauth2(Tokens.of("shopper")).queryParam("size", 100).when().get("/coupons/me").then().statusCode(200)
                .body("id", hasItem((int) mine)).body("id", not(hasItem((int) theirs)))
                .body("find { it.id == %d }.name".formatted(mine), equalTo("Mine only"))
                .body("find { it.id == %d }.summary".formatted(mine), equalTo("CNY 10.00 off on every product"));
        given().auth().oauth2(Tokens.of("shopper2")).queryParam("size", 100).when().get("/coupons/me").then()
                .body("id", hasItem((int) theirs)).body("id", not(hasItem((int) mine)));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("state", "USED").queryParam("size", 100).when().get("/coupons/me")
                .then().statusCode(200).body("id", not(hasItem((int) mine)));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("state", "LOST").when().get("/coupons/me").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void only_an_active_template_within_its_window_can_be_claimed() {
        long paused = template(changes());
        post("merchant", "/operator/coupon-templates/" + paused + "/pause", null).statusCode(200);
        post("shopper", "/coupons/templates/" + paused + "/claims", null).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "coupon-template-not-active"));

        long ended = template(changes());
        post("merchant", "/operator/coupon-templates/" + ended + "/end", null).statusCode(200);
        post("shopper", "/coupons/templates/" + ended + "/claims", null).statusCode(409)
                .body("type", equalTo(PROBLEMS + "coupon-template-not-active"));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("size", 100).when().get("/coupons/templates").then()
                .statusCode(200).body("id", not(hasItem((int) ended))).body("id", not(hasItem((int) paused)));

        post("shopper", "/coupons/templates/987654321/claims", null).statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void a_template_that_has_run_out_is_no_longer_offered() {
        long id = template(changes("perShopperLimit", 1, "totalLimit", 1));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("size", 100).when().get("/coupons/templates").then()
                .body("id", hasItem((int) id)).body("find { it.id == %d }.ownerId".formatted(id), equalTo(null));
        claim("shopper", id);
        post("shopper2", "/coupons/templates/" + id + "/claims", null).statusCode(409)
                .body("type", equalTo(PROBLEMS + "coupon-template-sold-out"));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("size", 100).when().get("/coupons/templates").then()
                .body("id", not(hasItem((int) id)));
    }

    @Test
    void an_operator_issues_coupons_of_its_own_templates_within_their_limits() {
        long id = template(changes("perShopperLimit", 1, "totalLimit", 10));
        post("merchant", "/operator/coupon-templates/" + id + "/pause", null).statusCode(200);
        String shopper = Tokens.subjectOf("shopper2");
        long issued = post("merchant", "/operator/coupon-templates/" + id + "/issues", Map.of("shopperId", shopper))
                .statusCode(201).body("source", equalTo("ISSUED")).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("shopper2")).queryParam("size", 100).when().get("/coupons/me").then()
                .body("find { it.id == %d }.state".formatted(issued), equalTo("AVAILABLE"));
        post("merchant", "/operator/coupon-templates/" + id + "/issues", Map.of("shopperId", shopper)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "coupon-limit-reached"));
        post("merchant2", "/operator/coupon-templates/" + id + "/issues", Map.of("shopperId", "someone")).statusCode(404);
        post("merchant", "/operator/coupon-templates/" + id + "/issues", Map.of("shopperId", " ")).statusCode(400);
        for (String text : List.of("", shopper)) { // a body that is not JSON is refused with a problem, never read as a shopper id
            given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("text/plain").body(text).when().post("/operator/coupon-templates/" + id + "/issues")
                    .then().statusCode(415).contentType("application/problem+json");
        }
        post("admin", "/operator/coupon-templates/" + id + "/issues", Map.of("shopperId", "someone-" + UUID.randomUUID()))
                .statusCode(201);
    }

    @Test
    void the_checker_finds_books_that_do_not_balance() {
        long id = template(changes());
        long coupon = claim("shopper2", id);
        long order = 987_000_000_000L + id;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                CouponTemplate.update("issued = issued + 1 where id = ?1", id);
                Coupon.update("status = ?1, orderId = ?2 where id = ?3", Coupon.Status.USED, order, coupon);
            });
            List<String> found = CouponBooks.discrepancies();
            assertEquals(true, found.contains("template's issued differs from its coupons: " + id + ": issued 2, coupons 1"), found.toString());
            assertEquals(true, found.contains("uses minus returns differ from the coupons USED: " + id + ": used 0, returned 0, in state USED 1"),
                    found.toString());
            assertEquals(true, found.contains("coupon's state disagrees with its open use: " + coupon + ": USED order " + order
                    + ", open use by -"), found.toString());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                CouponTemplate.update("issued = issued - 1 where id = ?1", id);
                Coupon.update("status = ?1, orderId = null where id = ?2", Coupon.Status.AVAILABLE, coupon);
            });
        }
    }
}
