package io.quarkmall.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SF-Express-like carrier sandbox, started in-process on its port, against a tiny merchant that receives
 * its pushes. Signatures are computed here from the protocol, not with the sandbox's own code.
 */
class SandboxSfExpressTest {

    private static final String SANDBOX = "http://127.0.0.1:" + Ports.SANDBOX_SF;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SandboxSfExpress sandbox;
    private static HttpServer merchant;
    /** Pushes the merchant received, per orderId (the last segment of its callback path). */
    private static final Map<String, List<Push>> pushes = new ConcurrentHashMap<>();
    /** How many more pushes, per orderId, the merchant answers 500. */
    private static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    record Push(JsonObject body, String nonce, boolean verifies) {}

    record Answer(int status, JsonObject body, String retryAfter) {}

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(Readiness.isListening(Ports.SANDBOX_SF), "port " + Ports.SANDBOX_SF + " is taken: a local stack runs");
        sandbox = new SandboxSfExpress();
        sandbox.start();
        merchant = HttpServer.create(new InetSocketAddress(Readiness.HOST, 0), 0);
        merchant.createContext("/pushes/", SandboxSfExpressTest::receive);
        merchant.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (merchant != null) {
            merchant.stop(0);
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void a_signed_booking_gets_a_waybill_and_booking_again_gets_the_same() throws Exception {
        String orderId = newOrderId();
        Answer first = book(orderId);
        assertEquals(200, first.status(), first.body().encode());
        assertTrue(first.body().getString("waybillNo").matches("SF[0-9]{12}"), first.body().encode());
        assertEquals(first.body(), book(orderId).body());
    }

    @Test
    void a_bad_signature_is_refused_with_A1001() throws Exception {
        String body = booking(newOrderId()).encode();
        Answer answer = call("POST", "/api/orders", body, newRequestId(), System.currentTimeMillis(), "bm90IGEgc2lnbmF0dXJl");
        assertEquals(401, answer.status());
        assertEquals("A1001", answer.body().getString("code"));
    }

    @Test
    void a_timestamp_six_minutes_old_is_refused_with_A1001() throws Exception {
        long sixMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(6).toMillis();
        Answer answer = signed("POST", "/api/orders", booking(newOrderId()).encode(), newRequestId(), sixMinutesAgo);
        assertEquals(401, answer.status());
        assertEquals("A1001", answer.body().getString("code"));
    }

    @Test
    void a_replayed_request_id_is_refused_with_A1003() throws Exception {
        String requestId = newRequestId();
        String body = booking(newOrderId()).encode();
        assertEquals(200, signed("POST", "/api/orders", body, requestId, System.currentTimeMillis()).status());
        Answer replay = signed("POST", "/api/orders", body, requestId, System.currentTimeMillis());
        assertEquals(401, replay.status());
        assertEquals("A1003", replay.body().getString("code"));
    }

    @Test
    void a_booking_without_a_callback_url_is_refused_with_A1002_naming_the_field() throws Exception {
        Answer answer = signed("POST", "/api/orders", new JsonObject().put("orderId", newOrderId()).encode(),
                newRequestId(), System.currentTimeMillis());
        assertEquals(400, answer.status());
        assertEquals("A1002", answer.body().getString("code"));
        assertTrue(answer.body().getString("message").contains("callbackUrl"), answer.body().encode());
    }

    @Test
    void a_booking_is_standard_express_unless_it_asks_for_priority_and_another_product_is_refused() throws Exception {
        String standard = newOrderId();
        assertEquals(200, book(standard).status());
        assertEquals(2, sandboxView(standard).getInteger("expressTypeId"));
        assertEquals(1200, sandboxView(standard).getInteger("weightGrams"));

        String priority = newOrderId();
        Answer booked = signed("POST", "/api/orders", booking(priority).put("expressTypeId", 1).encode(), newRequestId(),
                System.currentTimeMillis());
        assertEquals(200, booked.status(), booked.body().encode());
        assertEquals(1, sandboxView(priority).getInteger("expressTypeId"));

        for (Object product : new Object[] {3, "1", 0}) {
            Answer refused = signed("POST", "/api/orders", booking(newOrderId()).put("expressTypeId", product).encode(),
                    newRequestId(), System.currentTimeMillis());
            assertEquals(400, refused.status());
            assertEquals("A1002", refused.body().getString("code"));
            assertTrue(refused.body().getString("message").contains("expressTypeId"), refused.body().encode());
        }
    }

    @Test
    void two_planted_503s_answer_before_the_booking_goes_through_and_all_three_calls_are_counted() throws Exception {
        String orderId = newOrderId();
        assertEquals(204, post("/sandbox/faults", new JsonObject().put("count", 2).put("status", 503)).status());
        assertEquals(503, book(orderId).status());
        Answer second = book(orderId);
        assertEquals(503, second.status());
        assertEquals("A1000", second.body().getString("code"));
        assertEquals(200, book(orderId).status());
        assertEquals(3, sandboxView(orderId).getInteger("apiCalls"));
    }

    @Test
    void a_journey_pushes_50_30_36_44_80_in_order_signed_with_the_partner_key() throws Exception {
        String orderId = scripted("normal", 100);
        String waybill = book(orderId).body().getString("waybillNo");
        awaitTrue(() -> received(orderId).size() == 5, Duration.ofSeconds(10));
        List<Push> received = received(orderId);
        assertEquals(List.of("50", "30", "36", "44", "80"), received.stream().map(p -> p.body().getString("opCode")).toList());
        received.forEach(push -> assertTrue(push.verifies(), "push does not verify: " + push.body().encode()));
        assertEquals(5, received.stream().map(p -> p.body().getString("pushId")).distinct().count());
        JsonObject delivered = received.get(4).body();
        assertEquals("已签收，感谢使用顺丰", delivered.getString("remark"));
        assertEquals(delivered.getString("acceptTime"), delivered.getString("eta"));
        Answer routes = signed("GET", "/api/routes/" + waybill, "", newRequestId(), System.currentTimeMillis());
        assertEquals(new JsonArray(received.stream().map(Push::body).toList()), routes.body().getJsonArray("routes"));
    }

    @Test
    void a_push_answered_500_is_retried_with_the_same_push_id_and_a_fresh_nonce() throws Exception {
        String orderId = scripted("lost", 100);
        failuresLeft.put(orderId, new AtomicInteger(1));
        book(orderId);
        awaitTrue(() -> received(orderId).size() == 4, Duration.ofSeconds(10));
        List<Push> received = received(orderId);
        assertEquals(List.of("50", "50", "30", "631"), received.stream().map(p -> p.body().getString("opCode")).toList());
        assertEquals(received.get(0).body(), received.get(1).body());
        assertNotEquals(received.get(0).nonce(), received.get(1).nonce());
        assertTrue(received.get(1).verifies());
        JsonObject pickup = sandboxView(orderId).getJsonArray("pushes").getJsonObject(0);
        assertEquals(2, pickup.getInteger("attempts"));
        assertTrue(pickup.getBoolean("acknowledged"));
    }

    @Test
    void cancelling_before_pickup_stops_the_journey() throws Exception {
        String orderId = scripted("normal", 300);
        book(orderId);
        Answer cancelled = cancel(orderId);
        assertEquals(200, cancelled.status());
        assertTrue(cancelled.body().getBoolean("cancelled"));
        Thread.sleep(800);
        assertEquals(List.of(), received(orderId));
        assertEquals(200, cancel(orderId).status());
        assertTrue(sandboxView(orderId).getBoolean("cancelled"));
    }

    @Test
    void cancelling_after_pickup_is_refused_with_8016_and_an_unknown_order_with_8018() throws Exception {
        String orderId = scripted("delayed", 100);
        book(orderId);
        awaitTrue(() -> !received(orderId).isEmpty(), Duration.ofSeconds(5));
        Answer refused = cancel(orderId);
        assertEquals(409, refused.status());
        assertEquals("8016", refused.body().getString("code"));
        assertEquals("8018", cancel(newOrderId()).body().getString("code"));
    }

    @Test
    void a_journey_scripted_after_booking_but_before_its_first_event_is_played() throws Exception {
        String orderId = newOrderId();
        book(orderId); // the default journey would push its pickup in 2 s
        var script = new JsonObject().put("journey", "lost").put("stepMillis", 100);
        assertEquals(204, post("/sandbox/journeys/" + orderId, script).status());
        awaitTrue(() -> received(orderId).size() == 3, Duration.ofMillis(1500));
        assertEquals(List.of("50", "30", "631"), received(orderId).stream().map(p -> p.body().getString("opCode")).toList());
        assertEquals(409, post("/sandbox/journeys/" + orderId, script).status());
    }

    @Test
    void the_eta_counts_the_steps_left_to_delivery_and_a_day_more_once_a_parcel_is_held_up() {
        Instant at = Instant.parse("2026-11-29T08:00:00Z");
        assertEquals(at.plusSeconds(4), SandboxSfExpressJourney.NORMAL.eta(0, at, 1000));
        assertEquals(at.plusSeconds(5), SandboxSfExpressJourney.DELAYED.eta(0, at, 1000));
        assertEquals(at.plusSeconds(3).plus(Duration.ofHours(24)), SandboxSfExpressJourney.DELAYED.eta(2, at, 1000));
        assertEquals(at, SandboxSfExpressJourney.DELAYED.eta(5, at, 1000));
        assertEquals(at.plusSeconds(2), SandboxSfExpressJourney.EXCEPTION.eta(4, at, 1000));
        // until its fate is known, a parcel that will be returned or lost is expected like any other
        assertEquals(at.plusSeconds(4), SandboxSfExpressJourney.RETURNED.eta(0, at, 1000));
        assertEquals(at.plusSeconds(2), SandboxSfExpressJourney.RETURNED.eta(4, at, 1000));
        assertNull(SandboxSfExpressJourney.RETURNED.eta(5, at, 1000));
        assertNull(SandboxSfExpressJourney.LOST.eta(2, at, 1000));
    }

    @Test
    void more_than_20_calls_within_a_second_are_refused_with_429_and_retry_after() throws Exception {
        Answer last = null;
        for (int i = 0; i < 25 && (last == null || last.status() != 429); i++) {
            last = signed("GET", "/api/routes/SF000000000000", "", newRequestId(), System.currentTimeMillis());
        }
        assertEquals(429, last.status());
        assertEquals("A1005", last.body().getString("code"));
        assertEquals("1", last.retryAfter());
        Thread.sleep(1100); // the next test starts with the window empty
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String orderId = exchange.getRequestURI().getPath().substring("/pushes/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        String nonce = headers.getFirst("X-Nonce");
        boolean verifies = "QUARKMALL".equals(headers.getFirst("X-Partner-Id")) && nonce.matches("[0-9a-f]{32}")
                && "application/json".equals(headers.getFirst("Content-Type"))
                && hmac(headers.getFirst("X-Timestamp") + "\n" + nonce + "\n" + body).equals(headers.getFirst("X-Signature"));
        pushes.computeIfAbsent(orderId, k -> new CopyOnWriteArrayList<>()).add(new Push(new JsonObject(body), nonce, verifies));
        AtomicInteger failures = failuresLeft.get(orderId);
        exchange.sendResponseHeaders(failures != null && failures.getAndDecrement() > 0 ? 500 : 200, -1);
        exchange.close();
    }

    private static List<Push> received(String orderId) {
        return List.copyOf(pushes.getOrDefault(orderId, List.of()));
    }

    private static String scripted(String journey, int stepMillis) throws Exception {
        String orderId = newOrderId();
        var script = new JsonObject().put("journey", journey).put("stepMillis", stepMillis);
        assertEquals(204, post("/sandbox/journeys/" + orderId, script).status());
        return orderId;
    }

    private static JsonObject booking(String orderId) {
        return new JsonObject().put("orderId", orderId).put("weightGrams", 1200).put("cargo", "书籍")
                .put("callbackUrl", "http://127.0.0.1:" + merchant.getAddress().getPort() + "/pushes/" + orderId);
    }

    private static Answer book(String orderId) throws Exception {
        return signed("POST", "/api/orders", booking(orderId).encode(), newRequestId(), System.currentTimeMillis());
    }

    private static Answer cancel(String orderId) throws Exception {
        return signed("POST", "/api/orders/" + orderId + "/cancel", "", newRequestId(), System.currentTimeMillis());
    }

    private static JsonObject sandboxView(String orderId) throws Exception {
        return call("GET", "/sandbox/orders/" + orderId, "", null, 0, null).body();
    }

    private static Answer post(String path, JsonObject body) throws Exception {
        return call("POST", path, body.encode(), null, 0, null);
    }

    private static Answer signed(String method, String path, String body, String requestId, long timestamp) throws Exception {
        return call(method, path, body, requestId, timestamp, hmac(timestamp + "\n" + requestId + "\n" + body));
    }

    private static Answer call(String method, String path, String body, String requestId, long timestamp, String signature)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(SANDBOX + path)).timeout(Duration.ofSeconds(5))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (requestId != null) {
            request.header("X-Partner-Id", "QUARKMALL").header("X-Request-Id", requestId)
                    .header("X-Timestamp", Long.toString(timestamp)).header("X-Signature", signature);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? new JsonObject() : new JsonObject(response.body()),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private static String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("local-only-sf-sandbox-partner-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    private static String newOrderId() {
        return "QM-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
