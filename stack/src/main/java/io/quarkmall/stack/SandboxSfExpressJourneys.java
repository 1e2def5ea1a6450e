package io.quarkmall.stack;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;

/**
 * Plays booked parcels' journeys and pushes each route event to the booking's callback URL. An event
 * happens {@code stepMillis} after the previous one's push was acknowledged or given up (the first one
 * {@code stepMillis} after the booking). A push is acknowledged by any 2xx answer; anything else, or no
 * answer, is sent again after 1, 2, 4, 8, 16, 30, 30 … s, at most {@value #ATTEMPTS} attempts, each signed
 * afresh (its own timestamp and nonce) with the same body and pushId; then the journey goes on without it.
 */
final class SandboxSfExpressJourneys implements AutoCloseable {

    static final int ATTEMPTS = 15;

    private final Vertx vertx;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxSfExpressJourneys(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The next event of the order's journey, if any, {@code stepMillis} from now (after a booking: the first). */
    void playNext(SandboxSfExpressOrder order) {
        order.awaitNextEvent(delay -> startTimer(order, delay));
    }

    /** A journey scripted after the booking: its first event, if still to come, is timed by the new script. */
    void rescripted(SandboxSfExpressOrder order) {
        order.restartFirstEvent(Instant.now(), delay -> startTimer(order, delay));
    }

    private long startTimer(SandboxSfExpressOrder order, long delay) {
        return vertx.setTimer(delay, timer -> happen(order, timer));
    }

    private void happen(SandboxSfExpressOrder order, long timer) {
        SandboxSfExpressRoute route = order.happen(timer, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (route != null) {
            push(order, route, route.json().encode());
        }
    }

    private void push(SandboxSfExpressOrder order, SandboxSfExpressRoute route, String body) {
        int attempt = route.attempt();
        send(order.callbackUrl(), body).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                route.acknowledge();
                playNext(order);
            } else if (attempt < ATTEMPTS) {
                vertx.setTimer(retryDelayMillis(attempt), timer -> push(order, route, body));
            } else {
                playNext(order); // given up: the journey goes on without this event
            }
        });
    }

    /** 1, 2, 4, 8, 16 s after the first five failed attempts, 30 s after every later one. */
    static long retryDelayMillis(int failedAttempt) {
        return Math.min(30_000L, 1000L << Math.min(failedAttempt - 1, 5));
    }

    private CompletableFuture<HttpResponse<Void>> send(String callbackUrl, String body) {
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = SandboxSfExpressSignature.nonce();
        String signature = SandboxSfExpressSignature.sign(SandboxSfExpress.PARTNER_KEY,
                SandboxSfExpressSignature.pushMessage(timestamp, nonce, body));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(callbackUrl)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("X-Partner-Id", SandboxSfExpress.PARTNER_ID)
                    .header("X-Timestamp", timestamp)
                    .header("X-Nonce", nonce)
                    .header("X-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e); // a URL no client can call fails like an unreachable one
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
