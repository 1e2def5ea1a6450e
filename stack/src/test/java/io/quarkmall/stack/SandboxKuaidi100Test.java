package io.quarkmall.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkmall.stack.testing.Signatures;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kuaidi100-like aggregator sandbox, started in-process on its port, against a tiny merchant that receives its
 * pushes. Signatures are computed here from the protocol (MD5 of param + t + key + secret; of param + salt for a
 * push), not with the sandbox's own code.
 */
class SandboxKuaidi100Test {

    private static final String SANDBOX = "http://127.0.0.1:" + Ports.SANDBOX_KD100;
    private static final String SECRET = "local-only-kd100-sandbox-secret";
    private static final String SALT = "a-salt-of-ours";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SandboxKuaidi100 sandbox;
    private static HttpServer merchant;
    /** Pushes the merchant received, per order id (the last segment of its callback path). */
    private static final Map<String, List<Push>> pushes = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    record Push(JsonObject param, String sign, boolean verifies) {}

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(Readiness.isListening(Ports.SANDBOX_KD100), "port " + Ports.SANDBOX_KD100 + " is taken: a local stack runs");
        sandbox = new SandboxKuaidi100();
        sandbox.start();
        merchant = HttpServer.create(new InetSocketAddress(Readiness.HOST, 0), 0);
        merchant.createContext("/pushes/", SandboxKuaidi100Test::receive);
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
    void a_signed_booking_gets_a_number_of_the_chosen_carrier_and_unsigned_or_replayed_calls_are_refused() throws Exception {
        String orderId = newOrderId();
        String form = form("bOrder", booking(orderId, "yuantong"), System.currentTimeMillis(), SECRET);
        JsonObject first = post("/order/borderapi.do", form);
        assertEquals("200", first.getString("returnCode"), first.encode());
        String number = first.getJsonObject("data").getString("kuaidinum");
        assertTrue(number.matches("YT[0-9]{13}"), number);
        assertEquals("602", post("/order/borderapi.do", form).getString("returnCode"), "the same call replayed");
        JsonObject again = post("/order/borderapi.do", form("bOrder", booking(orderId, "yuantong"), System.currentTimeMillis(), SECRET));
        assertEquals(number, again.getJsonObject("data").getString("kuaidinum"), "booked once");

        assertEquals("601", post("/order/borderapi.do", form("bOrder", booking(newOrderId(), "yuantong"),
                System.currentTimeMillis(), "not-the-secret")).getString("returnCode"));
        assertEquals("601", post("/order/borderapi.do", form("bOrder", booking(newOrderId(), "yuantong"),
                System.currentTimeMillis() - Duration.ofMinutes(6).toMillis(), SECRET)).getString("returnCode"));
        JsonObject unknownCarrier = post("/order/borderapi.do", form("bOrder", booking(newOrderId(), "ems"),
                System.currentTimeMillis(), SECRET));
        assertEquals("400", unknownCarrier.getString("returnCode"));
        assertTrue(unknownCarrier.getString("message").contains("kuaidicom"), unknownCarrier.encode());
        JsonObject express = post("/order/borderapi.do", form("bOrder", booking(newOrderId(), "shunfeng"),
                System.currentTimeMillis(), SECRET));
        assertTrue(express.getJsonObject("data").getString("kuaidinum").matches("SF[0-9]{12}"), express.encode());
    }

    @Test
    void no_yto_number_reads_as_a_card_number() throws Exception {
        var random = new java.util.Random(29);
        for (int i = 0; i < 1_000; i++) { // one random 13-digit run in ten would pass the Luhn check
            String digits = SandboxNumbers.failingLuhn(String.format("%012d", random.nextLong(1_000_000_000_000L)));
            assertTrue(!luhnValid(digits), digits + " passes the Luhn check: the PCI scan would report it");
        }
        Thread.sleep(1_100); // a fresh second of the sandbox's rate limit
        for (int i = 0; i < 8; i++) {
            String number = book(newOrderId());
            assertTrue(number.matches("YT[0-9]{13}") && !luhnValid(number.substring(2)), number);
        }
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int j = digits.length() - 1, position = 0; j >= 0; j--, position++) {
            int d = digits.charAt(j) - '0';
            sum += position % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    @Test
    void a_subscribed_number_is_pushed_its_whole_history_signed_with_the_salt_and_again_when_the_merchant_fails() throws Exception {
        String orderId = scripted("normal", 60);
        failuresLeft.put(orderId, new AtomicInteger(1));
        String number = book(orderId);
        assertEquals("404", subscribe("YT0000000000000", orderId).getString("returnCode"), "a number it never issued");
        assertEquals("200", subscribe(number, orderId).getString("returnCode"));
        assertEquals("501", subscribe(number, orderId).getString("returnCode"), "subscribed already");

        awaitPushes(orderId, 6); // five scans, the first pushed twice
        List<Push> received = List.copyOf(pushes.get(orderId));
        assertTrue(received.stream().allMatch(Push::verifies), "every push signed with our salt");
        assertEquals(received.get(0).param().getJsonObject("lastResult"), received.get(1).param().getJsonObject("lastResult"),
                "the failed push sent again");
        assertNotEquals(received.get(0).sign(), received.get(1).sign(), "stamped and signed afresh");
        JsonObject last = received.get(5).param();
        assertEquals("shutdown", last.getString("status"));
        assertEquals("1", last.getJsonObject("lastResult").getString("ischeck"));
        assertEquals(List.of("301", "501", "1002", "1001", "103"), last.getJsonObject("lastResult").getJsonArray("data")
                .stream().map(scan -> ((JsonObject) scan).getString("statusCode")).toList(), "newest first");
        assertEquals(List.of(1, 2, 3, 4, 5), received.stream().skip(1)
                .map(push -> push.param().getJsonObject("lastResult").getJsonArray("data").size()).toList());
    }

    @Test
    void a_parcel_is_called_off_until_it_is_picked_up() throws Exception {
        String quiet = scripted("normal", 60_000);
        book(quiet);
        assertEquals("200", post("/order/borderapi.do", form("cancel", new JsonObject().put("partnerOrderId", quiet),
                System.currentTimeMillis(), SECRET)).getString("returnCode"));
        assertEquals("404", post("/order/borderapi.do", form("cancel", new JsonObject().put("partnerOrderId", newOrderId()),
                System.currentTimeMillis(), SECRET)).getString("returnCode"));

        String moving = scripted("normal", 60);
        subscribe(book(moving), moving);
        awaitPushes(moving, 1);
        assertEquals("409", post("/order/borderapi.do", form("cancel", new JsonObject().put("partnerOrderId", moving),
                System.currentTimeMillis(), SECRET)).getString("returnCode"));
    }

    private static String book(String orderId) throws Exception {
        return post("/order/borderapi.do", form("bOrder", booking(orderId, "yuantong"), System.currentTimeMillis(), SECRET))
                .getJsonObject("data").getString("kuaidinum");
    }

    private static JsonObject subscribe(String number, String orderId) throws Exception {
        var param = new JsonObject().put("company", "yuantong").put("number", number).put("parameters", new JsonObject()
                .put("callbackurl", "http://127.0.0.1:" + merchant.getAddress().getPort() + "/pushes/" + orderId).put("salt", SALT));
        return post("/poll", form(null, param, System.currentTimeMillis(), SECRET));
    }

    private static JsonObject booking(String orderId, String carrier) {
        return new JsonObject().put("partnerOrderId", orderId).put("kuaidicom", carrier).put("weight", 1.2).put("cargo", "书籍");
    }

    private static String scripted(String journey, int stepMillis) throws Exception {
        String orderId = newOrderId();
        var request = HttpRequest.newBuilder(URI.create(SANDBOX + "/sandbox/journeys/" + orderId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("journey", journey).put("stepMillis", stepMillis).encode()));
        assertEquals(204, HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        return orderId;
    }

    private static String form(String method, JsonObject param, long t, String secret) {
        String text = param.encode();
        return (method == null ? "" : "method=" + method + "&") + "key=QUARKMALL&t=" + t + "&param="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&sign=" + Signatures.md5UpperHex(text + t + "QUARKMALL" + secret);
    }

    private static JsonObject post(String path, String form) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(SANDBOX + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String orderId = path.substring(path.lastIndexOf('/') + 1);
        var fields = new HashMap<String, String>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        String param = fields.get("param");
        pushes.computeIfAbsent(orderId, k -> new CopyOnWriteArrayList<>()).add(new Push(new JsonObject(param),
                fields.get("sign"), Signatures.md5UpperHex(param + SALT).equals(fields.get("sign"))));
        AtomicInteger failures = failuresLeft.get(orderId);
        boolean fail = failures != null && failures.getAndDecrement() > 0;
        // Kuaidi100 takes a push as received only with result true: a 200 without it is pushed again too
        byte[] answer = (fail ? "{\"result\":false}" : "{\"result\":true,\"returnCode\":\"200\",\"message\":\"成功\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static void awaitPushes(String orderId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (pushes.getOrDefault(orderId, List.of()).size() < count) {
            assertTrue(Instant.now().isBefore(deadline), "fewer than " + count + " pushes within 15 s");
            Thread.sleep(20);
        }
    }


    private static String newOrderId() {
        return "QM-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
