package io.quarkmall.pay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.pay.domain.Payment;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 1,000 replayed payment calls and duplicate notifications at once: every order is charged once. */
@QuarkusTest
class ReplayStormTest {

    private static final int ORDERS_IN_STORM = 10;
    private static final int CALLS_PER_ORDER = 100;

    @Inject
    ScriptedWallet wallet;

    /** The answer's status, and for a 409 its problem type (a replay that meets another replay of its key in flight). */
    private static String start(long orderId, String key) {
        var answer = given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"orderId\":%d,\"channel\":\"%s\",\"presentation\":\"QR_CODE\"}".formatted(orderId, ScriptedWallet.NAME))
                .when().post("/payments");
        return answer.statusCode() == 409 ? "409 " + answer.jsonPath().getString("type").replaceAll(".*/", "")
                : String.valueOf(answer.statusCode());
    }

    private static int notify(String body) {
        return given().contentType(ContentType.TEXT).body(body).when().post("/notifications/" + ScriptedWallet.NAME)
                .statusCode();
    }

    @Test
    void a_thousand_replayed_calls_and_duplicate_notifications_charge_each_order_once() throws Exception {
        int startsBefore = wallet.starts();
        var tasks = new ArrayList<Callable<String>>();
        var orders = new ArrayList<Long>();
        for (int o = 0; o < ORDERS_IN_STORM; o++) {
            long orderId = PayableOrders.of("shopper", 1_000 + o);
            orders.add(orderId);
            String key = UUID.randomUUID().toString();
            assertEquals("201", start(orderId, key));
            String reference = Payment.referenceOf(orderId, 1);
            String notification = wallet.pay(reference);
            for (int i = 0; i < CALLS_PER_ORDER; i++) {
                // Half replay the shopper's payment call with its key, half are the wallet's notification again.
                tasks.add(i % 2 == 0 ? () -> "start " + start(orderId, key) : () -> "notify " + notify(notification));
            }
        }
        var pool = Executors.newFixedThreadPool(32);
        var go = new CountDownLatch(1);
        var futures = new ArrayList<Future<String>>();
        for (var task : tasks) {
            futures.add(pool.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        Map<String, Integer> answers = new TreeMap<>();
        for (var future : futures) {
            answers.merge(future.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(500, answers.get("notify 200"), "every notification is acknowledged: " + answers);
        assertEquals(500, answers.getOrDefault("start 201", 0) + answers.getOrDefault("start 409 idempotency-key-in-use", 0),
                "a replay answers as the first call did, or (meeting another replay of its key in flight) 409 key in use: "
                        + answers);
        assertTrue(answers.getOrDefault("start 201", 0) > 0, "replays were answered: " + answers);
        for (long orderId : orders) {
            List<Payment> attempts = QuarkusTransaction.requiringNew().call(() -> Payment.ofOrder(orderId));
            assertEquals(1, attempts.size(), "one attempt for order " + orderId);
            assertEquals(Payment.Status.CAPTURED, attempts.get(0).status());
            List<String> events = PaymentFlowTest.eventsOf(orderId);
            assertEquals(1, events.size(), "one PaymentSucceeded for order " + orderId + ": " + events);
            assertTrue(events.get(0).contains("\"PaymentSucceeded\""));
        }
        assertEquals(ORDERS_IN_STORM, wallet.starts() - startsBefore, "the wallet was asked once per order");
    }
}
