package io.quarkmall.pay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * cart-order's {@code GET /api/cart-order/orders/{id}} for pay's tests, where no cart-order runs.
 * It keeps cart-order's promises: an order is found only with its shopper's bearer token (404
 * problem+json otherwise, 401 without a token), and every answer is first checked against
 * docs/api/cart-order.order.schema.json, the contract cart-order's own tests hold its real answers to.
 */
public class CartOrderStub implements QuarkusTestResourceLifecycleManager {

    private static final String PATH = "/api/cart-order/orders/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema CONTRACT = contract();
    /** Order id → the shopper's subject and the answer cart-order gives that shopper. */
    private static final Map<Long, Map.Entry<String, String>> ORDERS = new ConcurrentHashMap<>();
    private static HttpServer server;
    private static int port;

    /** cart-order holds this order of the shopper, in this status, for this total in CNY. */
    static void holds(long orderId, String shopperSubject, String status, long totalMinor) {
        String cancelReason = status.equals("CANCELLED") ? "\"SHOPPER_CANCELLED\"" : "null";
        Instant placed = Instant.now();
        String steps = """
                {"status":"PENDING","note":"Order placed","at":"%s"}""".formatted(placed)
                + (status.equals("PENDING") ? "" : """
                ,{"status":"%s","note":"Moved on by the saga","at":"%s"}""".formatted(status, placed));
        // The goods cost ¥5 more than the total: a coupon took that off, as cart-order explains it.
        String answer = """
                {"id":%d,"kind":"PURCHASE","status":"%s","cancelReason":%s,"subtotal":{"amountMinor":%9$d,"currency":"CNY"},
                 "adjustments":[{"kind":"COUPON","couponId":7,"description":"Welcome: CNY 5.00 off on everything.",
                                 "amount":{"amountMinor":500,"currency":"CNY"}}],
                 "pointsUsed":0,"total":{"amountMinor":%d,"currency":"CNY"},
                 "createdAt":"%s","payBy":"%s","actions":%s,
                 "lines":[{"sku":"TEA-250G","productName":"绿茶","quantity":1,"unitPrice":{"amountMinor":%9$d,"currency":"CNY"},
                           "subtotal":{"amountMinor":%9$d,"currency":"CNY"}}],
                 "timeline":[%s]}"""
                .formatted(orderId, status, cancelReason, totalMinor, placed, placed.plusSeconds(900), actions(status), steps,
                        totalMinor + 500);
        try {
            var errors = CONTRACT.validate(JSON.readTree(answer));
            if (!errors.isEmpty()) {
                throw new AssertionError("The stub would answer what cart-order never does: " + errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ORDERS.put(orderId, Map.entry(shopperSubject, answer));
    }

    /** cart-order stops answering: connections are refused. */
    static synchronized void down() {
        server.stop(0);
    }

    static synchronized void up() {
        listen(port);
    }

    @Override
    public Map<String, String> start() {
        listen(0);
        return Map.of("quarkmall.pay.cart-order.url", "http://127.0.0.1:" + port);
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
        server.createContext(PATH, CartOrderStub::answer);
        server.start();
        port = server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        if (bearer == null || !bearer.startsWith("Bearer ")) {
            send(exchange, 401, "application/problem+json", problem(401, "http-401", "Unauthorized", "Unauthorized."));
            return;
        }
        long orderId = Long.parseLong(exchange.getRequestURI().getPath().substring(PATH.length()));
        var order = ORDERS.get(orderId);
        if (order == null || !order.getKey().equals(subjectOf(bearer.substring("Bearer ".length())))) {
            send(exchange, 404, "application/problem+json", problem(404, "not-found", "Not found",
                    "Order " + orderId + " was not found."));
            return;
        }
        send(exchange, 200, "application/json", order.getValue());
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
                    .getSchema(Files.readString(Path.of("../docs/api/cart-order.order.schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String actions(String status) {
        return switch (status) {
            case "STOCK_RESERVED" -> "[\"PAY\",\"CANCEL\"]";
            case "PENDING", "PAID", "FULFILLING" -> "[\"CANCEL\"]";
            default -> "[]";
        };
    }
}
