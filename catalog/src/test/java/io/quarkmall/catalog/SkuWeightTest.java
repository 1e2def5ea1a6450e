package io.quarkmall.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A SKU's packed weight, which checkout's delivery fees are computed from: optional, whole grams from 1 to 100 kg. */
@QuarkusTest
class SkuWeightTest {

    /** One SKU {@code <marker>-A} with this weight field (empty: none) and a plain {@code <marker>-B}. */
    private static String product(String marker, String weight) {
        return """
                {"names": {"zh-CN": "称重商品 %1$s"},
                 "skus": [{"sku": "%1$s-A", "price": {"amountMinor": 9900, "currency": "CNY"}%2$s},
                          {"sku": "%1$s-B", "price": {"amountMinor": 5900, "currency": "CNY"}}]}"""
                .formatted(marker, weight.isEmpty() ? "" : ", \"weightGrams\": " + weight);
    }

    private static ValidatableResponse create(String body) {
        return given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/merchant/products").then();
    }

    private static String marker() {
        return "g" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_weight_is_kept_shown_and_changed_by_an_edit() {
        String marker = marker();
        long id = create(product(marker, "750")).statusCode(201).body("skus[0].weightGrams", equalTo(750))
                .body("skus[1].weightGrams", nullValue()).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/merchant/products/{id}/listing", id).then().statusCode(200);
        given().when().get("/products/{id}", id).then().statusCode(200).body("skus[0].weightGrams", equalTo(750));

        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON).body(product(marker, "100000"))
                .when().put("/merchant/products/{id}", id).then().statusCode(200).body("skus[0].weightGrams", equalTo(100_000));
        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON).body(product(marker, ""))
                .when().put("/merchant/products/{id}", id).then().statusCode(200).body("skus[0].weightGrams", nullValue());
    }

    @Test
    void no_weight_a_fraction_or_more_than_100_kg_is_400_with_the_field_named_and_nothing_created() {
        for (String weight : new String[] {"0", "-5", "100001"}) {
            create(product(marker(), weight)).statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("weightGrams"));
        }
        for (String weight : new String[] {"1.5", "\"heavy\""}) {
            create(product(marker(), weight)).statusCode(400).contentType("application/problem+json");
        }
        String marker = marker();
        create(product(marker, "0")).statusCode(400);
        // newest first: a product made by the refused request would head the merchant's list
        given().auth().oauth2(Tokens.of("merchant")).when().get("/merchant/products").then().statusCode(200)
                .body("skus.flatten().sku", not(hasItem(marker + "-A")));
    }
}
