package io.quarkmall.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SKUs a shopper redeems in the points mall: points price, points plus cash, a per-shopper limit. */
@QuarkusTest
class RedeemableProductsTest {

    private static final String PROBLEMS = "https://quarkmall.io/problems/";

    /** One SKU {@code <marker>-A} at ¥99.00 with these extra JSON fields (points-mall terms), and a plain {@code <marker>-B}. */
    private static String product(String marker, String terms) {
        return """
                {"names": {"zh-CN": "积分商品 %1$s", "en": "Points item %1$s"},
                 "skus": [{"sku": "%1$s-A", "price": {"amountMinor": 9900, "currency": "CNY"}%2$s},
                          {"sku": "%1$s-B", "price": {"amountMinor": 5900, "currency": "CNY"}}]}"""
                .formatted(marker, terms.isEmpty() ? "" : ", " + terms);
    }

    private static ValidatableResponse create(String body) {
        return given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/merchant/products").then();
    }

    private static long listed(String body) {
        long id = create(body).statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/merchant/products/{id}/listing", id).then().statusCode(200);
        return id;
    }

    private static String marker() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<Integer> pointsMall(int page, int size) {
        return given().queryParam("redeemable", true).queryParam("page", page).queryParam("size", size)
                .when().get("/products").then().statusCode(200).extract().path("id");
    }

    @Test
    void a_points_plus_cash_price_and_a_limit_are_what_shoppers_see_and_an_edit_changes_them() {
        String marker = marker();
        long id = listed(product(marker,
                "\"pointsPrice\": 500, \"pointsCash\": {\"amountMinor\": 990, \"currency\": \"CNY\"}, \"redeemLimitPerShopper\": 2"));
        given().when().get("/products/{id}", id).then().statusCode(200)
                .body("skus[0].pointsPrice", equalTo(500))
                .body("skus[0].pointsCash.amountMinor", equalTo(990)).body("skus[0].pointsCash.currency", equalTo("CNY"))
                .body("skus[0].redeemLimitPerShopper", equalTo(2))
                .body("skus[1].pointsPrice", nullValue()).body("skus[1].pointsCash", nullValue())
                .body("skus[1].redeemLimitPerShopper", nullValue());

        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON)
                .body(product(marker, "\"pointsPrice\": 800")).when().put("/merchant/products/{id}", id).then().statusCode(200);
        given().when().get("/products/{id}", id).then().statusCode(200)
                .body("skus[0].pointsPrice", equalTo(800)).body("skus[0].pointsCash", nullValue())
                .body("skus[0].redeemLimitPerShopper", nullValue());
    }

    @Test
    void the_points_mall_lists_only_listed_products_with_a_points_price_newest_first_in_pages() {
        long older = listed(product(marker(), "\"pointsPrice\": 100"));
        long plain = listed(product(marker(), ""));
        long draft = create(product(marker(), "\"pointsPrice\": 100")).statusCode(201).extract().jsonPath().getLong("id");
        long newer = listed(product(marker(), "\"pointsPrice\": 300, \"pointsCash\": {\"amountMinor\": 0, \"currency\": \"CNY\"}"));

        assertThat(pointsMall(0, 2), contains((int) newer, (int) older));
        List<Integer> firstHundred = pointsMall(0, 100);
        assertThat(firstHundred, not(hasItem((int) plain)));
        assertThat(firstHundred, not(hasItem((int) draft)));
        assertThat(pointsMall(1, 1), contains((int) older));
        given().when().get("/products").then().statusCode(200).body("id", hasItems((int) plain, (int) newer));
        given().queryParam("redeemable", true).queryParam("size", 0).when().get("/products").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void terms_that_do_not_fit_together_are_422_with_every_fault_named_and_nothing_created() {
        String marker = marker();
        create(product(marker, "\"pointsCash\": {\"amountMinor\": 990, \"currency\": \"CNY\"}, \"redeemLimitPerShopper\": 1"))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "redemption-terms-invalid"))
                .body("violations.field", contains("pointsCash", "redeemLimitPerShopper"))
                .body("detail", containsString("SKU " + marker + "-A: a points-plus-cash price needs a pointsPrice"));
        create(product(marker, "\"pointsPrice\": 500, \"pointsCash\": {\"amountMinor\": 990, \"currency\": \"USD\"}"))
                .statusCode(422).body("type", equalTo(PROBLEMS + "redemption-terms-invalid"))
                .body("violations", hasSize(1)).body("violations[0].field", equalTo("pointsCash"))
                .body("violations[0].message", containsString("CNY"));

        long id = create(product(marker, "\"pointsPrice\": 500")).statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON)
                .body(product(marker, "\"redeemLimitPerShopper\": 3")).when().put("/merchant/products/{id}", id).then()
                .statusCode(422).body("violations.field", contains("redeemLimitPerShopper"));
        given().auth().oauth2(Tokens.of("merchant")).when().get("/merchant/products/{id}", id).then()
                .body("skus[0].pointsPrice", equalTo(500)).body("skus[0].redeemLimitPerShopper", nullValue());
    }

    @Test
    void a_negative_cash_part_a_limit_below_one_or_a_bad_currency_is_400_with_the_field_named() {
        create(product(marker(), "\"pointsPrice\": 500, \"pointsCash\": {\"amountMinor\": -1, \"currency\": \"CNY\"}"))
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("amountMinor"));
        create(product(marker(), "\"pointsPrice\": 500, \"redeemLimitPerShopper\": 0"))
                .statusCode(400).body("violations.field", hasItem("redeemLimitPerShopper"));
        create(product(marker(), "\"pointsPrice\": 500, \"pointsCash\": {\"amountMinor\": 100, \"currency\": \"XYZ\"}"))
                .statusCode(400).body("violations.field", hasItem("currency"));
        create(product(marker(), "\"pointsPrice\": 500, \"pointsCash\": {\"amountMinor\": 100}"))
                .statusCode(400).body("violations.field", hasItem("currency"));
        create(product(marker(), "\"pointsPrice\": 500, \"redeemLimitPerShopper\": 1.5"))
                .statusCode(400).contentType("application/problem+json");
    }
}
