package io.quarkmall.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EasyPost-like label API sandbox, started in-process on its port, against a tiny merchant that receives its
 * webhook events. Signatures are computed here from the protocol (hex HMAC-SHA256 of timestamp + "." + body), not
 * with the sandbox's own code.
 */
class SandboxEasyPostTest {

    private static final String SANDBOX = "http://127.0.0.1:" + Ports.SANDBOX_EASYPOST;
    private static final String KEY = "EZTKlocal-only-easypost-sandbox-key";
    private static final String SECRET = "a-webhook-secret-of-ours";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SandboxEasyPost sandbox;
    private static HttpServer merchant;
    private static final List<Event> events = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failuresLeft = new AtomicInteger();

    record Event(JsonObject body, String signature, boolean verifies) {}

    record Answer(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(Readiness.isListening(Ports.SANDBOX_EASYPOST), "port " + Ports.SANDBOX_EASYPOST + " is taken: a local stack runs");
        sandbox = new SandboxEasyPost();
        sandbox.start();
        merchant = HttpServer.create(new InetSocketAddress(Readiness.HOST, 0), 0);
        merchant.createContext("/events", SandboxEasyPostTest::receive);
        merchant.start();
        var webhook = new JsonObject().put("webhook", new JsonObject()
                .put("url", "http://127.0.0.1:" + merchant.getAddress().getPort() + "/events").put("webhook_secret", SECRET));
        assertEquals(201, call("POST", "/v2/webhooks", webhook.encode(), KEY).status());
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
    void a_shipment_is_rated_bought_once_and_labelled_and_calls_without_the_key_are_refused() throws Exception {
        String reference = "QM-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(401, call("POST", "/v2/shipments", shipment(reference), "not-the-key").status());
        Answer created = call("POST", "/v2/shipments", shipment(reference), KEY);
        assertEquals(201, created.status(), created.body());
        assertEquals(200, call("POST", "/v2/shipments", shipment(reference), KEY).status(), "the same reference: the same shipment");
        JsonObject rates = created.json();
        String usps = rates.getJsonArray("rates").stream().map(JsonObject.class::cast)
                .filter(rate -> rate.getString("carrier").equals("USPS")).findFirst().orElseThrow().getString("id");
        String id = rates.getString("id");
        assertEquals(422, call("POST", "/v2/shipments/" + id + "/buy", rate("rate_nope"), KEY).status());

        Answer bought = call("POST", "/v2/shipments/" + id + "/buy", rate(usps), KEY);
        assertEquals(200, bought.status(), bought.body());
        assertTrue(bought.json().getString("tracking_code").matches("LZ[0-9]{9}US"), bought.body());
        Answer again = call("POST", "/v2/shipments/" + id + "/buy", rate(usps), KEY);
        assertEquals("SHIPMENT.POSTAGE.EXISTS", again.json().getJsonObject("error").getString("code"));
        var label = HTTP.send(HttpRequest.newBuilder(URI.create(bought.json().getJsonObject("postage_label")
                .getString("label_url"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("application/pdf", label.headers().firstValue("Content-Type").orElse(""));
        String pdf = new String(label.body(), StandardCharsets.US_ASCII);
        assertTrue(pdf.startsWith("%PDF-1.4") && pdf.contains(bought.json().getString("tracking_code")), "a PDF naming the code");
        assertEquals("submitted", call("POST", "/v2/shipments/" + reference + "/refund", "{}", KEY).json()
                .getString("refund_status"), "voided by reference before any scan");
    }

    @Test
    void a_bought_label_sends_its_trackers_whole_history_signed_and_again_when_the_merchant_fails() throws Exception {
        String reference = "QM-" + UUID.randomUUID().toString().substring(0, 8);
        var script = new JsonObject().put("journey", "normal").put("stepMillis", 60);
        assertEquals(204, call("POST", "/sandbox/journeys/" + reference, script.encode(), null).status());
        JsonObject created = call("POST", "/v2/shipments", shipment(reference), KEY).json();
        String dhl = created.getJsonArray("rates").stream().map(JsonObject.class::cast)
                .filter(rate -> rate.getString("carrier").equals("DHLExpress")).findFirst().orElseThrow().getString("id");
        int before = events.size();
        failuresLeft.set(1);
        String code = call("POST", "/v2/shipments/" + created.getString("id") + "/buy", rate(dhl), KEY).json().getString("tracking_code");
        assertTrue(code.matches("[0-9]{10}"), "DHL's ten digits: " + code);

        Instant deadline = Instant.now().plusSeconds(15);
        while (events.size() < before + 6) {
            assertTrue(Instant.now().isBefore(deadline), "fewer than 6 events within 15 s");
            Thread.sleep(20);
        }
        List<Event> received = events.subList(before, before + 6);
        assertTrue(received.stream().allMatch(Event::verifies), "each signed with our secret");
        assertEquals(received.get(0).body().getJsonObject("result"), received.get(1).body().getJsonObject("result"));
        assertNotEquals(received.get(0).signature(), received.get(1).signature(), "stamped and signed afresh");
        JsonObject last = received.get(5).body().getJsonObject("result");
        assertEquals("delivered", last.getString("status"));
        assertEquals(List.of("received_at_origin_facility", "arrived_at_facility", "departed_facility", "out_for_delivery",
                "arrived_at_destination"), last.getJsonArray("tracking_details").stream()
                .map(detail -> ((JsonObject) detail).getString("status_detail")).toList(), "oldest first");
        assertEquals(422, call("POST", "/v2/shipments/" + reference + "/refund", "{}", KEY).status(), "scanned: not voided");
    }

    private static String shipment(String reference) {
        return new JsonObject().put("shipment", new JsonObject().put("reference", reference)
                .put("parcel", new JsonObject().put("weight", 42.4))).encode();
    }

    private static String rate(String id) {
        return new JsonObject().put("rate", new JsonObject().put("id", id)).encode();
    }

    private static Answer call(String method, String path, String body, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(SANDBOX + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("X-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Hmac-Signature");
        events.add(new Event(new JsonObject(body), signature, ("hmac-sha256-hex=" + hmac(timestamp + "." + body)).equals(signature)));
        exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 200, -1);
        exchange.close();
    }

    private static String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
