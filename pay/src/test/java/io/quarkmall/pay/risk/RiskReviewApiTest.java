package io.quarkmall.pay.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.AtOnce;
import io.quarkmall.pay.domain.risk.AssessmentRequest;
import io.quarkmall.pay.domain.risk.RiskDecision;
import io.quarkmall.pay.domain.risk.RiskVerdict;
import io.quarkmall.pay.service.RiskService;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The console's review queue: operators (the realm's admins) read held payments and decide each once. */
@QuarkusTest
class RiskReviewApiTest {

    private static final String REVIEWS = "/admin/risk/reviews";

    @Inject
    RiskService risk;
    @Inject
    ReviewDecisions decisions;

    /** A large first purchase from a new device, shipped to another region than billing: held (score 70). */
    private RiskVerdict held() {
        var verdict = risk.assess(new AssessmentRequest("risk-" + UUID.randomUUID(), System.nanoTime() % 1_000_000_000L,
                new Money(600_000, "CNY"), "alipay", "device-" + UUID.randomUUID(), null, "address-" + UUID.randomUUID(),
                "US-CA", "CN-31", Instant.now()));
        assertEquals(RiskDecision.REVIEW, verdict.decision());
        return verdict;
    }

    static Response decide(String user, long reviewId, String body) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post(REVIEWS + "/{id}/decision", reviewId);
    }

    @Test
    void an_operator_sees_a_held_payment_with_its_explanation_in_the_open_queue() {
        long id = held().assessmentId();
        given().auth().oauth2(Tokens.of("admin")).when().get(REVIEWS + "/{id}", id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("decision", equalTo("REVIEW")).body("score", equalTo(70))
                .body("amount.amountMinor", equalTo(600_000))
                .body("hits.rule", equalTo(List.of("new-device-large-basket", "amount-spike", "address-mismatch")))
                .body("hits[2].explanation", equalTo("The order ships to US-CA but the payer's billing region is CN-31."))
                .body("explanation", containsString("Score 70: "));
        assertEquals(true, openQueueHolds(id));
    }

    /** The open queue is oldest first: page through it until the review shows up. */
    private static boolean openQueueHolds(long id) {
        for (int page = 0; page < 50; page++) {
            List<Integer> ids = given().auth().oauth2(Tokens.of("admin")).queryParam("size", 100).queryParam("page", page)
                    .when().get(REVIEWS).then().statusCode(200).extract().jsonPath().getList("id");
            if (ids.contains((int) id)) {
                return true;
            }
            if (ids.isEmpty()) {
                return false;
            }
        }
        return false;
    }

    @Test
    void an_approval_is_taken_once_told_to_the_payment_service_and_a_second_decision_is_409() {
        long id = held().assessmentId();
        decide("admin", id, "{\"approve\":true,\"note\":\"Called the shopper: it is theirs.\"}").then().statusCode(200)
                .body("reviewId", equalTo((int) id)).body("approved", equalTo(true))
                .body("decidedBy", equalTo(Tokens.subjectOf("admin")));
        decide("admin", id, "{\"approve\":false}").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/review-already-decided"));
        given().auth().oauth2(Tokens.of("admin")).when().get(REVIEWS + "/{id}", id).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("note", equalTo("Called the shopper: it is theirs."));
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "APPROVED").queryParam("size", 100)
                .when().get(REVIEWS).then().statusCode(200).body("id", hasItem((int) id));
        var told = decisions.of(id);
        assertEquals(1, told.size());
        assertEquals(true, told.get(0).approved());
        assertEquals(false, openQueueHolds(id));
    }

    @Test
    void sixteen_operators_deciding_one_review_at_once_leave_exactly_one_decision() throws Exception {
        long id = held().assessmentId();
        var turn = new AtomicInteger();
        var statuses = AtOnce.run(16, () ->
                decide("admin", id, "{\"approve\":" + (turn.incrementAndGet() % 2 == 0) + "}").statusCode());
        assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
        assertEquals(15, Collections.frequency(statuses, 409), statuses.toString());
        assertEquals(1, decisions.of(id).size());
    }

    @Test
    void the_queue_is_for_operators_only() {
        long id = held().assessmentId();
        given().when().get(REVIEWS).then().statusCode(401).contentType("application/problem+json");
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"approve\":true}").when().post(REVIEWS + "/{id}/decision", id).then().statusCode(401);
        for (String user : List.of("shopper", "merchant")) {
            given().auth().oauth2(Tokens.of(user)).when().get(REVIEWS + "/{id}", id).then().statusCode(403)
                    .contentType("application/problem+json");
            decide(user, id, "{\"approve\":true}").then().statusCode(403);
        }
        assertEquals(0, decisions.of(id).size());
    }

    @Test
    void unknown_reviews_and_bad_input_are_problems_not_errors() {
        long allowed = risk.assess(new AssessmentRequest("risk-" + UUID.randomUUID(), 1, new Money(100, "CNY"), "card",
                null, null, null, null, null, Instant.now())).assessmentId();
        for (long id : new long[] {Long.MAX_VALUE, allowed}) {
            given().auth().oauth2(Tokens.of("admin")).when().get(REVIEWS + "/{id}", id).then().statusCode(404)
                    .contentType("application/problem+json");
            decide("admin", id, "{\"approve\":true}").then().statusCode(404).contentType("application/problem+json");
        }
        long id = held().assessmentId();
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "MAYBE").when().get(REVIEWS).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).when().get(REVIEWS + "/abc").then().statusCode(400);
        decide("admin", id, "{\"note\":\"no decision\"}").then().statusCode(400).body("violations.field", hasItem("approve"));
        decide("admin", id, "{\"approve\":\"perhaps\"}").then().statusCode(400);
        decide("admin", id, "{\"approve\":true,\"note\":\"" + "x".repeat(1001) + "\"}").then().statusCode(400)
                .body("violations.field", hasItem("note"));
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body("{\"approve\":true}")
                .when().post(REVIEWS + "/{id}/decision", id).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).when().get(REVIEWS + "/{id}", id).then().statusCode(200)
                .body("status", equalTo("OPEN"));
    }
}
