package io.quarkmall.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request limits per user and per address, with the limits set low so that a test can reach them. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkmall.web.rate-limit.user-per-minute", "8",
                    "quarkmall.web.rate-limit.anonymous-per-minute", "5");
        }
    }

    @Inject
    RedisDataSource redis;

    /** A fresh count, with at least 20 s left in the clock's one-minute window. */
    @BeforeEach
    void new_window() throws InterruptedException {
        long left = 60_000 - System.currentTimeMillis() % 60_000;
        if (left < 20_000) {
            Thread.sleep(left + 200);
        }
        redis.key().keys("ratelimit:common:*").forEach(key -> redis.key().del(key));
    }

    @Test
    void an_address_over_its_limit_gets_a_problem_json_429_with_retry_after() {
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 7; i++) {
            last = given().when().get("/notes/count");
            statuses.add(last.statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200, 200, 429, 429), statuses);
        last.then().contentType("application/problem+json").body("type", containsString("rate-limited"));
        long retryAfter = Long.parseLong(last.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void each_signed_in_user_has_a_limit_of_their_own() {
        for (int i = 0; i < 8; i++) {
            given().auth().oauth2(Tokens.of("shopper")).when().get("/notes/count").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.of("shopper")).when().get("/notes/count").then().statusCode(429);
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/notes/count").then().statusCode(200);
        given().when().get("/notes/count").then().statusCode(200); // the address's own count is untouched
    }
}
