package io.quarkmall.cartorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * loyalty's {@code POST /api/loyalty/coupons/quote} for cart-order's tests, where no loyalty runs.
 * It keeps loyalty's promises: 401 without a bearer token, 400 without an Idempotency-Key, 409
 * {@code coupon-not-yours} for a coupon not in the wallet of the token's subject (another's, or none),
 * and every answer is first checked against docs/api/loyalty.coupon-quote.schema.json, the contract
 * loyalty's own tests hold its real answers to. Its coupons are simple: a fixed amount off the whole
 * cart (never more than the cart has left), or one that does not apply, for a given reason.
 */
public class LoyaltyQuoteStub implements QuarkusTestResourceLifecycleManager {

    private static final String PATH = "/api/loyalty/coupons/quote";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema CONTRACT = contract();
    private static final AtomicLong NEXT_COUPON = new AtomicLong(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1);
    private static final Map<Long, Coupon> WALLETS = new ConcurrentHashMap<>();
    private static final Set<String> KEYS = ConcurrentHashMap.newKeySet();
    private static final List<String> BREACHES = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger QUOTES = new AtomicInteger();
    private static HttpServer server;
    private static int port;

    /** {@code refusal} and {@code why} are set for a coupon that does not apply. */
    private record Coupon(String holder, String name, long amountOffMinor, String refusal, String why) {}

    /** A coupon in the wallet of {@code subject}: {@code amountOffMinor} CNY off the whole cart. Answers its id. */
    static long fixedOff(String subject, String name, long amountOffMinor) {
        long id = NEXT_COUPON.getAndIncrement();
        WALLETS.put(id, new Coupon(subject, name, amountOffMinor, null, null));
        return id;
    }

    /** A coupon in the wallet of {@code subject} that applies to no cart, with loyalty's reason code and why. */
    static long notApplying(String subject, String name, String reason, String why) {
        long id = NEXT_COUPON.getAndIncrement();
        WALLETS.put(id, new Coupon(subject, name, 0, reason, why));
        return id;
    }

    /** How many quotes were asked so far. */
    static int quotesAsked() {
        return QUOTES.get();
    }

    /** What cart-order did that loyalty would not accept, or the stub answered against its contract; none expected. */
    static List<String> breaches() {
        return List.copyOf(BREACHES);
    }

    /** loyalty stops answering: connections are refused. */
    static synchronized void down() {
        server.stop(0);
    }

    static synchronized void up() {
        listen(port);
    }

    @Override
    public Map<String, String> start() {
        listen(0);
        return Map.of("quarkmall.order.loyalty.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private static synchronized void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, LoyaltyQuoteStub::answer);
        server.start();
        port = server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        QUOTES.incrementAndGet();
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        if (bearer == null || !bearer.startsWith("Bearer ")) {
            BREACHES.add("a quote without the shopper's token");
            send(exchange, 401, problem(401, "http-401", "Unauthorized", "Unauthorized."));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || !KEYS.add(key)) {
            BREACHES.add("a quote without a fresh Idempotency-Key: " + key);
            send(exchange, 400, problem(400, "idempotency-key-required", "Idempotency-Key required", "A fresh key, please."));
            return;
        }
        String subject = subjectOf(bearer.substring("Bearer ".length()));
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        for (JsonNode id : request.path("couponIds")) {
            Coupon coupon = WALLETS.get(id.asLong());
            if (coupon == null || !coupon.holder().equals(subject)) {
                send(exchange, 409, problem(409, "coupon-not-yours", "Conflict", "Coupon " + id.asLong() + " is not in your wallet."));
                return;
            }
        }
        ObjectNode quote = quote(request);
        var errors = CONTRACT.validate(quote);
        if (!errors.isEmpty()) {
            BREACHES.add("the stub would answer what loyalty never does: " + errors);
            send(exchange, 500, problem(500, "internal", "Internal error", "Contract breach."));
            return;
        }
        send(exchange, 200, "application/json", JSON.writeValueAsString(quote));
    }

    /** Each coupon in turn takes its amount off what the lines have left, first line first. */
    private static ObjectNode quote(JsonNode request) {
        JsonNode lines = request.path("lines");
        String currency = lines.path(0).path("unitPrice").path("currency").asText();
        long[] subtotals = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            subtotals[i] = lines.get(i).path("unitPrice").path("amountMinor").asLong() * lines.get(i).path("quantity").asLong();
        }
        long[] left = subtotals.clone();
        ObjectNode quote = JSON.createObjectNode();
        ArrayNode applied = JSON.createArrayNode();
        ArrayNode notApplied = JSON.createArrayNode();
        for (JsonNode id : request.path("couponIds")) {
            Coupon coupon = WALLETS.get(id.asLong());
            long wanted = Math.min(coupon.amountOffMinor(), sum(left));
            if (coupon.refusal() != null || wanted == 0) {
                notApplied.addObject().put("couponId", id.asLong()).put("templateName", coupon.name())
                        .put("reason", coupon.refusal() == null ? "NOTHING_LEFT" : coupon.refusal())
                        .put("why", coupon.refusal() == null ? "The lines it covers have nothing left to discount." : coupon.why());
                continue;
            }
            ObjectNode one = applied.addObject().put("couponId", id.asLong()).put("templateName", coupon.name());
            one.set("amount", money(wanted, currency));
            ArrayNode shares = one.putArray("lines");
            for (int i = 0; i < left.length && wanted > 0; i++) {
                long part = Math.min(wanted, left[i]);
                if (part > 0) {
                    left[i] -= part;
                    wanted -= part;
                    shares.addObject().put("line", i).put("sku", lines.get(i).path("sku").asText()).set("amount", money(part, currency));
                }
            }
            one.put("why", "%s %d.%02d off on everything.".formatted(currency, coupon.amountOffMinor() / 100, coupon.amountOffMinor() % 100));
        }
        ArrayNode totals = JSON.createArrayNode();
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = totals.addObject().put("line", i).put("sku", lines.get(i).path("sku").asText());
            line.set("subtotal", money(subtotals[i], currency));
            line.set("discount", money(subtotals[i] - left[i], currency));
            line.set("total", money(left[i], currency));
        }
        quote.set("subtotal", money(sum(subtotals), currency));
        quote.set("discount", money(sum(subtotals) - sum(left), currency));
        quote.set("total", money(sum(left), currency));
        quote.set("lines", totals);
        quote.set("applied", applied);
        quote.set("notApplied", notApplied);
        return quote;
    }

    private static long sum(long[] amounts) {
        long sum = 0;
        for (long amount : amounts) {
            sum += amount;
        }
        return sum;
    }

    private static ObjectNode money(long minor, String currency) {
        return JSON.createObjectNode().put("amountMinor", minor).put("currency", currency);
    }

    private static String subjectOf(String token) throws IOException {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return claims.path("sub").asText();
    }

    private static String problem(int status, String type, String title, String detail) {
        return """
                {"type":"https://quarkmall.io/problems/%s","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(type, title, status, detail);
    }

    private static void send(HttpExchange exchange, int status, String problem) throws IOException {
        send(exchange, status, "application/problem+json", problem);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonSchema contract() {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(Path.of("../docs/api/loyalty.coupon-quote.schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
