package io.quarkmall.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkmall.common.testapp.Note;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every service answers to malformed, oversized and unauthenticated requests: problem+json, never 5xx. */
@QuarkusTest
class HttpHardeningTest {

    private static RequestSpecification shopper() {
        return given().auth().oauth2(Tokens.of("shopper")).contentType("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"text\":\"a\",\"text\":\"b\"}",                  // a key twice
        "{\"text\":\"nul \\u0000 inside\"}",                 // PostgreSQL refuses NUL in text
        "{\"text\":\"bell \\u0007\"}",
        "{\"text\":\"a\"} trailing",
        "{\"text\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"deep\"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        "{\"text\":{\"nested\":true}}",
        "not json at all",
    })
    void a_body_that_is_not_what_it_seems_is_400_and_changes_nothing(String body) {
        long before = notes();
        shopper().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post("/notes").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", containsString("unreadable-body"))
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")));
        org.junit.jupiter.api.Assertions.assertEquals(before, notes());
    }

    @Test
    void a_refusal_the_framework_answers_without_a_body_is_still_a_problem_json() {
        given().auth().oauth2(Tokens.of("shopper")).contentType("text/plain").body("").when().post("/notes/echo").then()
                .statusCode(400).contentType("application/problem+json").body("type", containsString("http-400"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"stars\":1.5,\"weight\":1}",                  // a fraction is not truncated
        "{\"stars\":null,\"weight\":1}",                 // a required number missing
        "{\"stars\":99999999999999999999,\"weight\":1}", // beyond an int
        "{\"stars\":\"3\",\"weight\":\"x\"}",
        "{\"stars\":3,\"stars\":4,\"weight\":1}",
    })
    void numbers_are_read_exactly_or_refused(String body) {
        shopper().body(body).when().post("/notes/ratings").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_whole_number_is_read_as_sent() {
        shopper().body("{\"stars\":4,\"weight\":2}").when().post("/notes/ratings").then()
                .statusCode(200).body("stars", equalTo(4));
    }

    @Test
    void a_body_over_one_mebibyte_is_a_problem_json_413() {
        String big = "{\"text\":\"" + "x".repeat(1_100_000) + "\"}";
        shopper().header("Idempotency-Key", UUID.randomUUID().toString()).body(big).when().post("/notes").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/notes/%2e%2e/notes/count", "/notes/count%00", "/notes/./count"})
    void dot_segments_and_nul_in_a_path_are_a_problem_json_400(String path) {
        given().urlEncodingEnabled(false).when().get(path).then()
                .statusCode(400).contentType("application/problem+json").body("type", containsString("invalid-path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=abc", "page=1.5", "size=-1", "page=2147483647", "page=1073741824&size=100",
                            "page=99999999999"})
    void a_page_out_of_range_or_of_the_wrong_type_is_400(String query) {
        given().when().get("/notes?" + query).then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void a_page_in_range_is_served() {
        given().when().get("/notes?page=3&size=100").then().statusCode(200);
    }

    @Test
    void without_a_token_a_protected_endpoint_answers_a_problem_json_401() {
        given().contentType("application/json").body("{\"text\":\"x\"}").when().post("/notes").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", containsString("unauthenticated"));
    }

    @Test
    void a_public_endpoint_ignores_a_stale_or_foreign_token() {
        String stale = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4IiwiZXhwIjoxfQ.c2lnbmF0dXJl";
        given().auth().oauth2(stale).when().get("/notes/count").then().statusCode(200);
    }

    @Test
    void a_user_without_the_role_gets_a_problem_json_403() {
        given().auth().oauth2(Tokens.of("shopper")).when().delete("/notes").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void signed_in_answers_are_never_cached_and_public_ones_may_be() {
        shopper().body("{\"stars\":4,\"weight\":2}").when().post("/notes/ratings").then()
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().when().get("/notes/count").then().header("Cache-Control", nullValue())
                .header("X-Content-Type-Options", "nosniff");
    }

    private static long notes() {
        return QuarkusTransaction.requiringNew().call(() -> Note.count());
    }
}
