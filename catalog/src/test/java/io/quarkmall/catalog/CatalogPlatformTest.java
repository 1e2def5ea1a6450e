package io.quarkmall.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkmall.stack.testing.ServicePlatformContract;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogPlatformTest extends ServicePlatformContract {

    @Override
    protected String protectedPath() {
        return "/merchant/products";
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
    void readiness_checks_the_real_search_engine_and_redis() {
        management().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Elasticsearch")))
                .body("checks.name", hasItem(containsString("Redis")));
    }

    @Test
    void listed_products_are_public() {
        given().when().get("/products").then().statusCode(200);
    }

    @Test
    void a_shopper_may_not_read_merchant_products() {
        given().auth().oauth2(Tokens.of("shopper")).when().get("/merchant/products").then().statusCode(403);
    }

    @Test
    void a_page_size_over_the_limit_is_a_problem_json_400() {
        given().when().get("/products?size=1000").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("size"));
    }
}
