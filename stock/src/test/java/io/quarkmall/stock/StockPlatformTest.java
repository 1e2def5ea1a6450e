package io.quarkmall.stock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkmall.stack.testing.ServicePlatformContract;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StockPlatformTest extends ServicePlatformContract {

    @Override
    protected String protectedPath() {
        return "/stock";
    }

    @Override
    protected String userWithAccess() {
        return "merchant";
    }

    @Override
    protected String userWithoutAccess() {
        return "shopper";
    }

    @Test
    void a_shopper_may_not_read_stock_levels() {
        given().auth().oauth2(Tokens.of("shopper")).when().get("/stock").then().statusCode(403);
    }

    @Test
    void an_unknown_sku_is_a_problem_json_404() {
        given().auth().oauth2(Tokens.of("merchant")).when().get("/stock/NO-SUCH-SKU").then()
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/not-found"));
    }

    @Test
    void a_malformed_sku_is_a_problem_json_400() {
        given().auth().oauth2(Tokens.of("merchant")).when().get("/stock/bad sku!").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
