package io.quarkmall.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.stack.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One shopper buying one unit while services and servers die under them, as a careful client
 * does: the same Idempotency-Key again after a network error or a 5xx, with backoff, until the
 * mall answers for good or the journey's time is up. Records every answer it was given.
 */
final class ChaosJourney {

    /** What the shopper was told, in the end and on the way. */
    record Outcome(String shopper, String subject, Integer checkoutStatus, Long orderId, String orderStatus,
                   Integer payStatus, List<String> answers) {
        boolean accepted() {
            return checkoutStatus != null && checkoutStatus == 201;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI EDGE = URI.create("http://localhost:8080");
    /** Answers after which the same request may succeed: the mall is restarting, busy or not there yet. */
    private static final Set<Integer> RETRY = Set.of(404, 409, 429, 500, 502, 503, 504);

    private final String shopper;
    private final String sku;
    private final Duration patience;
    private Instant deadline;
    private final ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();

    ChaosJourney(String shopper, String sku, Duration patience) {
        this.shopper = shopper;
        this.sku = sku;
        this.patience = patience;
    }

    /** The journey, from the moment it starts: its patience runs from then. */
    Outcome run() throws InterruptedException {
        deadline = Instant.now().plus(patience);
        Integer checkout = null;
        Long orderId = null;
        String status = null;
        Integer paid = null;
        clearCart();
        var cart = call("cart", "PUT", "/api/cart-order/cart/lines/" + sku, null, "{\"quantity\":1}", Set.of(409, 429, 500, 502, 503, 504));
        if (cart != null && cart.statusCode() == 200) {
            var placed = call("checkout", "POST", "/api/cart-order/checkout", UUID.randomUUID().toString(), null, RETRY);
            checkout = placed == null ? null : placed.statusCode();
            if (checkout != null && checkout == 201) {
                orderId = json(placed).path("id").asLong();
                status = awaitStockAnswer(orderId);
                if ("STOCK_RESERVED".equals(status)) {
                    var payment = call("pay", "POST", "/api/pay/payments", UUID.randomUUID().toString(),
                            "{\"orderId\":%d,\"channel\":\"sandbox\",\"token\":\"tok_sandbox_success\"}".formatted(orderId), RETRY);
                    paid = payment == null ? null : payment.statusCode();
                }
            }
        }
        return new Outcome(shopper, Tokens.subjectOf(shopper), checkout, orderId, status, paid, List.copyOf(answers));
    }

    /** What an earlier, broken-off journey of this shopper left in the cart is not bought with this one. */
    private void clearCart() throws InterruptedException {
        var cart = call("cart", "GET", "/api/cart-order/cart", null, null, RETRY);
        if (cart != null && cart.statusCode() == 200) {
            for (JsonNode line : json(cart).path("lines")) {
                call("cart", "DELETE", "/api/cart-order/cart/lines/" + line.path("sku").asText(), null, null, RETRY);
            }
        }
    }

    /** Polls the order until stock has held its units or refused them; null if time ran out first. */
    private String awaitStockAnswer(long orderId) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            var order = call("order", "GET", "/api/cart-order/orders/" + orderId, null, null, RETRY);
            if (order == null) {
                return null;
            }
            if (order.statusCode() == 200) {
                String status = json(order).path("status").asText();
                if (!status.equals("PENDING")) {
                    return status;
                }
            }
            Thread.sleep(1_000);
        }
        return null;
    }

    /**
     * One request, repeated with the same Idempotency-Key on a network error or a retryable answer.
     * Returns the first other answer, or null if time ran out.
     */
    private HttpResponse<String> call(String step, String method, String path, String key, String body, Set<Integer> retry)
            throws InterruptedException {
        long pause = 200;
        while (Instant.now().isBefore(deadline)) {
            try {
                var response = HTTP.send(request(method, path, key, body), HttpResponse.BodyHandlers.ofString());
                if (!method.equals("GET")) {
                    answers.add(step + " " + response.statusCode());
                }
                if (!retry.contains(response.statusCode())) {
                    return response;
                }
            } catch (IOException e) {
                answers.add(step + " " + e.getClass().getSimpleName());
            }
            Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
            pause = Math.min(pause * 2, 3_000);
        }
        answers.add(step + " gave up");
        return null;
    }

    private HttpRequest request(String method, String path, String key, String body) {
        var request = HttpRequest.newBuilder(EDGE.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Tokens.of(shopper));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }
}
