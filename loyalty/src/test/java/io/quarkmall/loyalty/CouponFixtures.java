package io.quarkmall.loyalty;

import static io.restassured.RestAssured.given;

import io.quarkmall.stack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Coupon templates and coupons made through the API, as an operator and a shopper would. */
final class CouponFixtures {

    static final String PROBLEMS = "https://quarkmall.io/problems/";

    private CouponFixtures() {
    }

    /** A POST by a demo user with a fresh Idempotency-Key. */
    static ValidatableResponse post(String user, String path, Object body) {
        return post(user, path, body, UUID.randomUUID().toString());
    }

    static ValidatableResponse post(String user, String path, Object body, String key) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return (body == null ? request : request.body(body)).when().post(path).then();
    }

    /** A FIXED ¥10 off everything, 30 days from the claim, 5 per shopper of 1000, stackable; {@code changes} replace or (null) remove fields. */
    static Map<String, Object> templateBody(Map<String, Object> changes) {
        var body = new HashMap<String, Object>(Map.of("name", "Test " + UUID.randomUUID().toString().substring(0, 8),
                "kind", "FIXED", "currency", "CNY", "amountOffMinor", 1000, "scope", "ALL", "validDaysAfterClaim", 30,
                "perShopperLimit", 5, "totalLimit", 1000, "stackable", true));
        changes.forEach((field, value) -> {
            if (value == null) {
                body.remove(field);
            } else {
                body.put(field, value);
            }
        });
        return body;
    }

    /** A template created by the demo merchant; answers its id. */
    static long template(Map<String, Object> changes) {
        return post("merchant", "/operator/coupon-templates", templateBody(changes)).statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A coupon the demo user claims; answers its id. */
    static long claim(String user, long templateId) {
        return post(user, "/coupons/templates/" + templateId + "/claims", null).statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Runs {@code racers} attempts at once (at most 64 threads), answering each one's outcome. */
    static List<String> race(int racers, Function<Integer, Callable<String>> racer) throws Exception {
        var pool = Executors.newFixedThreadPool(Math.min(racers, 64));
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<String>>();
        for (int i = 0; i < racers; i++) {
            Callable<String> attempt = racer.apply(i);
            results.add(pool.submit(() -> {
                start.await();
                return attempt.call();
            }));
        }
        start.countDown();
        var outcomes = new ArrayList<String>();
        for (var result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();
        return outcomes;
    }

    static Map<String, Long> counted(List<String> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static Map<String, Object> changes(Object... fieldsAndValues) {
        var changes = new HashMap<String, Object>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            changes.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return changes;
    }
}
