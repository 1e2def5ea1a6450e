package io.quarkmall.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operator's earning rules over HTTP: create, read, replace, delete, and clear 4xx for bad input. */
@QuarkusTest
class EarningRulesApiTest {

    /** A rule on a SKU no order has, so that it changes no other test's points. */
    private static String productRule(String sku, String extra) {
        return """
                {"name":"Tea week","trigger":"PAID","scope":"PRODUCT","sku":"%s","multiplierBasisPoints":20000,
                 "activeFrom":"2026-11-01T00:00:00Z","activeTo":"2026-11-08T00:00:00Z","priority":5%s}"""
                .formatted(sku, extra);
    }

    private static String newSku() {
        return "RULE-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response create(String body, String key) {
        return given().auth().oauth2(Tokens.of("admin")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/earning-rules");
    }

    private static long created(String body) {
        return create(body, UUID.randomUUID().toString()).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void delete(long id) {
        given().auth().oauth2(Tokens.of("admin")).when().delete("/earning-rules/{id}", id).then().statusCode(204);
    }

    @Test
    void an_operator_creates_reads_replaces_and_deletes_a_rule() {
        String sku = newSku();
        String key = UUID.randomUUID().toString();
        long id = create(productRule(sku, ""), key).then().statusCode(201)
                .body("name", equalTo("Tea week")).body("trigger", equalTo("PAID")).body("scope", equalTo("PRODUCT"))
                .body("sku", equalTo(sku)).body("multiplierBasisPoints", equalTo(20000)).body("bonusPerUnit", nullValue())
                .body("activeTo", equalTo("2026-11-08T00:00:00Z")).body("priority", equalTo(5)).body("stop", equalTo(false))
                .extract().jsonPath().getLong("id");
        try {
            create(productRule(sku, ""), key).then().statusCode(201).body("id", equalTo((int) id)); // a replay: the same rule
            given().auth().oauth2(Tokens.of("admin")).when().get("/earning-rules").then().statusCode(200)
                    .body("id", hasItem((int) id));

            given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                    .body("""
                            {"name":"Tea week, after the return window","trigger":"RETURN_WINDOW_CLOSED","returnWindowDays":7,
                             "scope":"PRODUCT","sku":"%s","bonusPerUnit":30,"minimumOrder":{"amountMinor":10000,"currency":"CNY"},
                             "priority":9,"stop":true}""".formatted(sku))
                    .when().put("/earning-rules/{id}", id).then().statusCode(200)
                    .body("trigger", equalTo("RETURN_WINDOW_CLOSED")).body("returnWindowDays", equalTo(7))
                    .body("multiplierBasisPoints", nullValue()).body("bonusPerUnit", equalTo(30))
                    .body("minimumOrder.amountMinor", equalTo(10000)).body("activeFrom", nullValue()).body("stop", equalTo(true));
            given().auth().oauth2(Tokens.of("admin")).when().get("/earning-rules/{id}", id).then().statusCode(200)
                    .body("name", equalTo("Tea week, after the return window")).body("priority", equalTo(9));
        } finally {
            delete(id);
        }
        given().auth().oauth2(Tokens.of("admin")).when().get("/earning-rules/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).when().get("/earning-rules").then().statusCode(200)
                .body("id", not(hasItem((int) id)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a negative multiplier | \"multiplierBasisPoints\":-1 | multiplierBasisPoints",
            "a negative bonus | \"bonusPerUnit\":-5 | bonusPerUnit",
            "a period that ends before it begins | \"multiplierBasisPoints\":20000,\"activeFrom\":\"2026-12-01T00:00:00Z\",\"activeTo\":\"2026-11-01T00:00:00Z\" | activeTo",
            "a period that ends as it begins | \"multiplierBasisPoints\":20000,\"activeFrom\":\"2026-12-01T00:00:00Z\",\"activeTo\":\"2026-12-01T00:00:00Z\" | activeTo",
            "a return window on a PAID rule | \"multiplierBasisPoints\":20000,\"returnWindowDays\":7 | returnWindowDays",
            "a minimum order in no real currency | \"bonusPerUnit\":1,\"minimumOrder\":{\"amountMinor\":100,\"currency\":\"XXQ\"} | currency",
            "a negative minimum order | \"bonusPerUnit\":1,\"minimumOrder\":{\"amountMinor\":-100,\"currency\":\"CNY\"} | amountMinor",
            "a priority out of range | \"bonusPerUnit\":1,\"priority\":5000 | priority",
            "a blank name | \"bonusPerUnit\":1,\"name\":\" \" | name"})
    void a_bad_rule_is_a_400_naming_the_field_and_creates_nothing(String name, String terms, String field) {
        String sku = newSku();
        String body = "{\"trigger\":\"PAID\",\"scope\":\"PRODUCT\",\"sku\":\"%s\",%s%s}".formatted(sku, terms,
                terms.contains("\"name\"") ? "" : ",\"name\":\"Bad\"");

        create(body, UUID.randomUUID().toString()).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
        given().auth().oauth2(Tokens.of("admin")).when().get("/earning-rules").then().statusCode(200)
                .body("sku", not(hasItem(sku)));
    }

    @Test
    void terms_that_do_not_fit_the_trigger_or_scope_are_400s() {
        String noWindow = """
                {"name":"After returns","trigger":"RETURN_WINDOW_CLOSED","scope":"ALL","multiplierBasisPoints":10000}""";
        String noSku = """
                {"name":"One product","trigger":"PAID","scope":"PRODUCT","bonusPerUnit":10}""";
        String nothingSet = """
                {"name":"Nothing","trigger":"PAID","scope":"ALL"}""";
        String category = """
                {"name":"Tea leaves","trigger":"PAID","scope":"CATEGORY","multiplierBasisPoints":20000}""";
        create(noWindow, UUID.randomUUID().toString()).then().statusCode(400).body("violations.field", hasItem("returnWindowDays"));
        create(noSku, UUID.randomUUID().toString()).then().statusCode(400).body("violations.field", hasItem("sku"));
        create(nothingSet, UUID.randomUUID().toString()).then().statusCode(400)
                .body("violations.field", hasItem("multiplierBasisPoints"));
        create(category, UUID.randomUUID().toString()).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/unreadable-body"));
    }

    @Test
    void an_unknown_rule_is_a_404() {
        long unknown = Long.MAX_VALUE - 7;
        given().auth().oauth2(Tokens.of("admin")).when().get("/earning-rules/{id}", unknown).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/not-found"));
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(productRule(newSku(), ""))
                .when().put("/earning-rules/{id}", unknown).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).when().delete("/earning-rules/{id}", unknown).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void only_the_operator_may_see_or_change_rules() {
        given().when().get("/earning-rules").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/earning-rules").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(productRule(newSku(), "")).when().post("/earning-rules").then()
                .statusCode(403).contentType("application/problem+json");
    }
}
