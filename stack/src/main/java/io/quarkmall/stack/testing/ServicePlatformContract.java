package io.quarkmall.stack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every Quarkmall service promises as a platform citizen, checked against the real local
 * stack: readiness over its real database, Keycloak-verified bearer tokens for the mall's audience,
 * problem+json errors (401 and 403 too), no caching of signed-in answers, health and Prometheus
 * metrics on the management interface only, never on the API port, and OpenAPI with Swagger UI
 * (outside production).
 * A service's test extends this with @QuarkusTest.
 */
public abstract class ServicePlatformContract {

    /** A GET that needs a signed-in user and answers 200 for {@link #userWithAccess()}. */
    protected abstract String protectedPath();

    /** A demo user of the quarkmall realm allowed to GET {@link #protectedPath()}. */
    protected String userWithAccess() {
        return "shopper";
    }

    /** A demo user with a valid token but without the role {@link #protectedPath()} needs, or null. */
    protected String userWithoutAccess() {
        return null;
    }

    /** Requests to the service's management interface (health, metrics). */
    protected static RequestSpecification management() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().baseUri("http://localhost").port(port).basePath("");
    }

    @Test
    void readiness_is_up_and_checks_the_real_database() {
        management().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections")));
    }

    @Test
    void liveness_is_up() {
        management().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void a_request_without_a_token_is_a_problem_json_401() {
        given().when().get(protectedPath()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void a_token_keycloak_did_not_sign_is_a_problem_json_401() {
        String forged = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."
                + "eyJzdWIiOiJtYWxsb3J5IiwicmVhbG1fYWNjZXNzIjp7InJvbGVzIjpbImFkbWluIl19fQ.c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get(protectedPath()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_token_issued_for_another_audience_is_401() {
        given().auth().oauth2(Tokens.withoutMallAudience(userWithAccess())).when().get(protectedPath()).then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_from_keycloak_is_accepted_and_its_answer_is_never_cached() {
        given().auth().oauth2(Tokens.of(userWithAccess())).when().get(protectedPath()).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void a_user_without_the_role_gets_a_problem_json_403() {
        org.junit.jupiter.api.Assumptions.assumeTrue(userWithoutAccess() != null, "every signed-in user may read it");
        given().auth().oauth2(Tokens.of(userWithoutAccess())).when().get(protectedPath()).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
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
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."))
                .body("components.schemas.Problem.type", equalTo("object"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void prometheus_metrics_are_exposed_on_the_management_interface() {
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/metrics"})
    void the_api_port_serves_no_management_endpoint(String path) {
        given().when().get(path).then().statusCode(404);
    }
}
