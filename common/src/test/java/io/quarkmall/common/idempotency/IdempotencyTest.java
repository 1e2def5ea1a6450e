package io.quarkmall.common.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.testapp.Note;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    private static ExtractableResponse<?> post(String user, String key, String text) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType("application/json")
                .body("{\"text\":\"" + text + "\"}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/notes").then().extract();
    }

    private static long notesWith(String text) {
        return QuarkusTransaction.requiringNew().call(() -> Note.count("text", text));
    }

    @Test
    void a_replay_returns_the_first_response_and_changes_nothing() {
        String key = UUID.randomUUID().toString();
        String text = "replay " + key;
        var first = post("shopper", key, text);
        var again = post("shopper", key, text);
        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, notesWith(text));
    }

    @Test
    void the_same_key_with_a_different_body_is_422() {
        String key = UUID.randomUUID().toString();
        post("shopper", key, "first body " + key);
        given().auth().oauth2(Tokens.of("shopper")).contentType("application/json").header("Idempotency-Key", key)
                .body("{\"text\":\"another body\"}")
                .when().post("/notes").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/idempotency-key-reused"));
        assertEquals(0, notesWith("another body"));
    }

    @Test
    void keys_belong_to_their_user() {
        String key = UUID.randomUUID().toString();
        String text = "two users " + key;
        assertEquals(201, post("shopper", key, text).statusCode());
        var other = post("shopper2", key, text);
        assertEquals(201, other.statusCode());
        assertEquals(null, other.header("Idempotent-Replayed"));
        assertEquals(2, notesWith(text));
    }

    @Test
    void a_request_without_a_key_is_400_and_writes_nothing() {
        String text = "no key " + UUID.randomUUID();
        var response = post("shopper", null, text);
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(0, notesWith(text));
    }

    @Test
    void concurrent_duplicates_take_effect_once_and_the_others_are_told_409_or_replayed() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "concurrent " + key;
        Tokens.of("shopper");
        int threads = 24;
        var pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        List<Future<ExtractableResponse<?>>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return post("shopper", key, text);
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        var created = new HashSet<String>();
        for (var f : futures) {
            var response = f.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 201) {
                created.add(response.body().asString());
            }
        }
        pool.shutdown();
        assertEquals(1, notesWith(text), "the effect happened exactly once");
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        assertEquals(1, created.size(), "every 201 is the same first response: " + created);
    }
}
