package io.quarkmall.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkmall.stack.testing.ServicePlatformContract;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoyaltyPlatformTest extends ServicePlatformContract {

    @Override
    protected String protectedPath() {
        return "/accounts/me";
    }

    @Test
    void a_new_shopper_has_no_points() {
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/accounts/me").then()
                .statusCode(200).body("balance", equalTo(0));
    }
}
