package io.quarkmall.stack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * What every Quarkmall service promises as a platform citizen, checked against the real local
 * stack: readiness over its real database, Keycloak-verified bearer tokens, problem+json errors,
 * OpenAPI, Swagger UI and Prometheus metrics. A service's test extends this with @QuarkusTest.
 */
public abstract class ServicePlatformContract {

    /** A GET that needs a signed-in user and answers 200 for {@link #userWithAccess()}. */
    protected abstract String protectedPath();

    /** A demo user of the quarkmall realm allowed to GET {@link #protectedPath()}. */
    protected String userWithAccess() {
        return "shopper";
    }

    @Test
    void readiness_is_up_and_checks_the_real_database() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections")));
    }

    @Test
    void liveness_is_up() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void a_request_without_a_token_is_401() {
        given().when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void a_token_keycloak_did_not_sign_is_401() {
        String forged = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."
                + "eyJzdWIiOiJtYWxsb3J5IiwicmVhbG1fYWNjZXNzIjp7InJvbGVzIjpbImFkbWluIl19fQ.c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void a_token_from_keycloak_is_accepted() {
        given().auth().oauth2(Tokens.of(userWithAccess())).when().get(protectedPath()).then().statusCode(200);
    }

    @Test
    void an_unknown_path_is_a_problem_json_404() {
        given().auth().oauth2(Tokens.of("shopper")).when().get("/no-such-resource").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void openapi_and_swagger_ui_are_served() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void prometheus_metrics_are_exposed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
