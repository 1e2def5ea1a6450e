package io.quarkmall.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.loyalty.domain.DrawRandomness;
import io.quarkmall.loyalty.domain.LotteryCampaign;
import io.quarkmall.loyalty.domain.LotteryDraw;
import io.quarkmall.loyalty.domain.LotteryProof;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lotteries through the API, on the real stack with real Keycloak tokens: create, draw, reveal, prove. */
@QuarkusTest
class LotteryApiTest {

    @Inject
    LotteryFunds funds;
    @Inject
    ObjectMapper json;
    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static final String OPERATOR = "admin";

    /** Terms of a lottery open from a minute ago for an hour: one POINTS prize that every draw wins. */
    private static Map<String, Object> terms() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var prize = new HashMap<String, Object>(Map.of("name", "30 points", "kind", "POINTS", "weight", 1, "stock", 100,
                "value", 30));
        return new HashMap<>(Map.of("name", "Lucky spring", "startsAt", now.minusSeconds(60).toString(),
                "endsAt", now.plus(Duration.ofHours(1)).toString(), "costPerDraw", 10, "drawsPerShopper", 3,
                "budget", 10_000, "noPrizeWeight", 0, "prizes", List.of(prize)));
    }

    private static ValidatableResponse create(Map<String, Object> terms) {
        return given().auth().oauth2(Tokens.of(OPERATOR)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(terms).when().post("/operator/lotteries").then();
    }

    private static long created(Map<String, Object> terms) {
        return create(terms).statusCode(201).extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse draw(String user, long lottery, String key) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", key)
                .when().post("/lotteries/{id}/draws", lottery).then();
    }

    private static ValidatableResponse draw(String user, long lottery) {
        return draw(user, lottery, UUID.randomUUID().toString());
    }

    private static long balanceOf(String user) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/accounts/me").then().statusCode(200)
                .extract().jsonPath().getLong("balance");
    }

    private static long lotteries() {
        return QuarkusTransaction.requiringNew().call(() -> LotteryCampaign.count());
    }

    private static long drawsOf(long lottery) {
        return QuarkusTransaction.requiringNew().call(() -> LotteryDraw.count("campaignId", lottery));
    }

    @Test
    void an_operator_creates_a_lottery_whose_seed_stays_secret_until_the_end() {
        long id = create(terms()).statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("commitment", matchesPattern("[0-9a-f]{64}"))
                .body("seed", nullValue())
                .body("prizes[0].stockLeft", equalTo(100))
                .body("budgetLeft", equalTo(10_000))
                .extract().jsonPath().getLong("id");
        String commitment = QuarkusTransaction.requiringNew().call(() ->
                LotteryCampaign.<LotteryCampaign>findById(id).commitment());
        given().when().get("/lotteries/{id}", id).then().statusCode(200)
                .body("commitment", equalTo(commitment)).body("seed", nullValue()).body("prizes[0].kind", equalTo("POINTS"));
        given().when().get("/lotteries").then().statusCode(200).body("id", hasItem((int) id));
        given().when().get("/lotteries/{id}/proof", id).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/lottery-not-ended"));
    }

    @Test
    void only_an_operator_may_create_a_lottery() {
        for (String user : List.of("shopper", "merchant")) {
            given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/json").body(terms()).when().post("/operator/lotteries").then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(terms())
                .when().post("/operator/lotteries").then().statusCode(401);
        given().auth().oauth2(Tokens.of("shopper")).when().get("/operator/lotteries/1/winners").then().statusCode(403);
    }

    static Stream<Arguments> invalid_terms() {
        return Stream.of(
                Arguments.of("a prize weight of zero", "weight", (Consumer<Map<String, Object>>) t -> prize(t).put("weight", 0)),
                Arguments.of("a negative prize weight", "weight", (Consumer<Map<String, Object>>) t -> prize(t).put("weight", -5)),
                Arguments.of("a negative stock", "stock", (Consumer<Map<String, Object>>) t -> prize(t).put("stock", -1)),
                Arguments.of("a prize value of zero", "value", (Consumer<Map<String, Object>>) t -> prize(t).put("value", 0)),
                Arguments.of("a negative cost", "costPerDraw", (Consumer<Map<String, Object>>) t -> t.put("costPerDraw", -1)),
                Arguments.of("a negative budget", "budget", (Consumer<Map<String, Object>>) t -> t.put("budget", -1)),
                Arguments.of("a negative weight of no prize", "noPrizeWeight",
                        (Consumer<Map<String, Object>>) t -> t.put("noPrizeWeight", -1)),
                Arguments.of("no draws per shopper", "drawsPerShopper",
                        (Consumer<Map<String, Object>>) t -> t.put("drawsPerShopper", 0)),
                Arguments.of("no prizes", "prizes", (Consumer<Map<String, Object>>) t -> t.put("prizes", List.of())),
                Arguments.of("prizes missing", "prizes", (Consumer<Map<String, Object>>) t -> t.remove("prizes")),
                Arguments.of("a prize without a kind", "kind", (Consumer<Map<String, Object>>) t -> prize(t).remove("kind")),
                Arguments.of("an end before the start", "endsAfterStart",
                        (Consumer<Map<String, Object>>) t -> t.put("endsAt", Instant.now().minus(Duration.ofDays(1)).toString())),
                Arguments.of("an end equal to the start", "endsAfterStart",
                        (Consumer<Map<String, Object>>) t -> t.put("endsAt", t.get("startsAt"))),
                Arguments.of("a blank name", "name", (Consumer<Map<String, Object>>) t -> t.put("name", " ")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> prize(Map<String, Object> terms) {
        var prizes = (List<Map<String, Object>>) terms.get("prizes");
        return prizes.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid_terms")
    void invalid_terms_are_a_400_naming_the_field_and_create_nothing(String what, String field,
                                                                     Consumer<Map<String, Object>> spoil) {
        var terms = terms();
        spoil.accept(terms);
        long before = lotteries();
        create(terms).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/invalid-input"))
                .body("violations.field", hasItem(field));
        assertEquals(before, lotteries());
    }

    @Test
    void an_unknown_prize_kind_is_a_400() {
        var terms = terms();
        prize(terms).put("kind", "GOLD_BAR");
        create(terms).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_lottery_that_would_already_have_ended_is_422() {
        var terms = terms();
        terms.put("startsAt", Instant.now().minus(Duration.ofDays(2)).toString());
        terms.put("endsAt", Instant.now().minus(Duration.ofDays(1)).toString());
        create(terms).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/lottery-ends-in-the-past"));
    }

    @Test
    void an_unknown_lottery_is_a_404_everywhere() {
        long unknown = 987_654_321_012L;
        given().when().get("/lotteries/{id}", unknown).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/lotteries/{id}/proof", unknown).then().statusCode(404);
        draw("shopper", unknown).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/lotteries/{id}/draws/mine", unknown).then().statusCode(404);
        given().auth().oauth2(Tokens.of(OPERATOR)).when().get("/operator/lotteries/{id}/winners", unknown).then()
                .statusCode(404);
        given().when().get("/lotteries/not-a-number").then().statusCode(400);
    }

    @Test
    void a_draw_costs_its_points_and_a_points_prize_is_credited_at_once() {
        funds.give(Tokens.subjectOf("shopper"), 100);
        long lottery = created(terms());
        long before = balanceOf("shopper");
        draw("shopper", lottery).statusCode(201)
                .body("sequence", equalTo(1))
                .body("lotteryId", equalTo((int) lottery))
                .body("prize.kind", equalTo("POINTS"))
                .body("prize.value", equalTo(30))
                .body("pointsSpent", equalTo(10))
                .body("pointsWon", equalTo(30));
        assertEquals(before - 10 + 30, balanceOf("shopper"));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/accounts/me").then()
                .body("entries.reason", hasItem("LOTTERY_DRAW")).body("entries.reason", hasItem("LOTTERY_PRIZE"));
        given().when().get("/lotteries/{id}", lottery).then()
                .body("prizes[0].stockLeft", equalTo(99)).body("budgetLeft", equalTo(10_000 - 30)).body("draws", equalTo(1));
        given().auth().oauth2(Tokens.of(OPERATOR)).when().get("/operator/lotteries/{id}/winners", lottery).then()
                .statusCode(200).body("shopperId", equalTo(List.of(Tokens.subjectOf("shopper"))))
                .body("prize.name", equalTo(List.of("30 points")));
    }

    @Test
    void a_retried_draw_with_the_same_key_draws_once() {
        funds.give(Tokens.subjectOf("shopper"), 100);
        long lottery = created(terms());
        long before = balanceOf("shopper");
        String key = UUID.randomUUID().toString();
        long first = draw("shopper", lottery, key).statusCode(201).extract().jsonPath().getLong("id");
        draw("shopper", lottery, key).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo((int) first));
        assertEquals(1, drawsOf(lottery));
        assertEquals(before + 20, balanceOf("shopper"));
    }

    @Test
    void a_draw_over_the_per_shopper_limit_is_409_and_changes_nothing() {
        funds.give(Tokens.subjectOf("shopper"), 100);
        var terms = terms();
        terms.put("drawsPerShopper", 2);
        long lottery = created(terms);
        draw("shopper", lottery).statusCode(201);
        draw("shopper", lottery).statusCode(201).body("sequence", equalTo(2));
        long before = balanceOf("shopper");
        draw("shopper", lottery).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/draw-limit-reached"));
        assertEquals(before, balanceOf("shopper"));
        assertEquals(2, drawsOf(lottery));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/lotteries/{id}/draws/mine", lottery).then()
                .statusCode(200).body("drawsLeft", equalTo(0)).body("draws.sequence", equalTo(List.of(1, 2)));
    }

    @Test
    void a_draw_without_enough_points_is_409_and_changes_nothing() {
        long balance = balanceOf("shopper2");
        var terms = terms();
        terms.put("costPerDraw", balance + 1);
        long lottery = created(terms);
        draw("shopper2", lottery).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/insufficient-points"));
        assertEquals(balance, balanceOf("shopper2"));
        assertEquals(0, drawsOf(lottery));
        given().when().get("/lotteries/{id}", lottery).then().body("draws", equalTo(0)).body("prizes[0].stockLeft", equalTo(100));
    }

    @Test
    void a_draw_before_the_start_is_409_and_changes_nothing() {
        funds.give(Tokens.subjectOf("shopper"), 100);
        var terms = terms();
        terms.put("startsAt", Instant.now().plus(Duration.ofHours(1)).toString());
        terms.put("endsAt", Instant.now().plus(Duration.ofHours(2)).toString());
        long lottery = created(terms);
        given().when().get("/lotteries/{id}", lottery).then().body("status", equalTo("UPCOMING"));
        long before = balanceOf("shopper");
        draw("shopper", lottery).statusCode(409).body("type", equalTo("https://quarkmall.io/problems/lottery-not-open"));
        assertEquals(before, balanceOf("shopper"));
        assertEquals(0, drawsOf(lottery));
    }

    @Test
    void after_the_end_draws_are_refused_the_seed_is_revealed_and_the_proof_recomputes() throws Exception {
        funds.give(Tokens.subjectOf("shopper"), 100);
        funds.give(Tokens.subjectOf("shopper2"), 100);
        var terms = terms();
        terms.put("noPrizeWeight", 1);
        terms.put("costPerDraw", 1);
        long lottery = created(terms);
        String commitment = given().when().get("/lotteries/{id}", lottery).then().extract().path("commitment");
        var sequencesOfShopper = List.of(draw("shopper", lottery).statusCode(201).extract().jsonPath().getInt("sequence"),
                draw("shopper", lottery).statusCode(201).extract().jsonPath().getInt("sequence"));
        draw("shopper2", lottery).statusCode(201);

        clock.moveBy(Duration.ofHours(2));
        draw("shopper2", lottery).statusCode(409).body("type", equalTo("https://quarkmall.io/problems/lottery-not-open"));
        String seed = given().when().get("/lotteries/{id}", lottery).then().statusCode(200)
                .body("status", equalTo("ENDED")).body("seed", notNullValue()).extract().path("seed");
        assertEquals(commitment, DrawRandomness.commitmentOf(HexFormat.of().parseHex(seed)));

        String body = given().when().get("/lotteries/{id}/proof", lottery).then().statusCode(200)
                .body("seed", equalTo(seed)).body("draws.sequence", equalTo(List.of(1, 2, 3)))
                .extract().asString();
        assertFalse(body.contains(Tokens.subjectOf("shopper")), "the proof names no shopper");
        LotteryProof proof = json.readValue(body, LotteryProof.class);
        var verification = proof.verify();
        assertTrue(verification.valid(), verification.discrepancies().toString());
        String me = DrawRandomness.participantOf(HexFormat.of().parseHex(seed), Tokens.subjectOf("shopper"));
        assertEquals(sequencesOfShopper, proof.draws().stream().filter(d -> d.participant().equals(me))
                .map(d -> (int) d.sequence()).toList(), "a shopper finds their own draws in the proof");
    }
}
