package io.quarkmall.stack;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Plays subscribed parcels' journeys and pushes each scan to the subscription's callback URL, as a form:
 * {@code param} (JSON: {@code status} polling, or shutdown with the last scan; {@code pushTime}, epoch
 * milliseconds of this attempt; {@code lastResult} with every scan so far) and {@code sign}, MD5 of
 * {@code param + salt}. A scan happens {@code stepMillis} after the previous push was acknowledged or given
 * up (the first {@code stepMillis} after the subscription). Any 2xx answer acknowledges; anything else, or no
 * answer, is sent again on the SF-like sandbox's schedule (1, 2, 4 … 30 s, at most
 * {@value SandboxSfExpressJourneys#ATTEMPTS} attempts), stamped and signed afresh; then the journey goes on.
 */
final class SandboxKuaidi100Pushes implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxKuaidi100Pushes(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The next scan of the parcel's journey, if any, {@code stepMillis} from now (after a subscription: the first). */
    void playNext(SandboxKuaidi100Parcel parcel) {
        parcel.awaitNextScan(delay -> vertx.setTimer(delay, timer -> happen(parcel, timer)));
    }

    /** A journey scripted after the subscription: its first scan, if still to come, is timed by the new script. */
    void rescripted(SandboxKuaidi100Parcel parcel) {
        parcel.restartFirstScan(Instant.now(), delay -> vertx.setTimer(delay, timer -> happen(parcel, timer)));
    }

    private void happen(SandboxKuaidi100Parcel parcel, long timer) {
        SandboxKuaidi100Parcel.Push push = parcel.happen(timer, Instant.now());
        if (push != null) {
            send(parcel, push);
        }
    }

    private void send(SandboxKuaidi100Parcel parcel, SandboxKuaidi100Parcel.Push push) {
        int attempt = push.attempt();
        post(push).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                push.acknowledge();
                playNext(parcel);
            } else if (attempt < SandboxSfExpressJourneys.ATTEMPTS) {
                vertx.setTimer(SandboxSfExpressJourneys.retryDelayMillis(attempt), timer -> send(parcel, push));
            } else {
                playNext(parcel); // given up: the next push carries this scan too, in its history
            }
        });
    }

    private CompletableFuture<HttpResponse<Void>> post(SandboxKuaidi100Parcel.Push push) {
        String param = new JsonObject().put("status", push.last ? "shutdown" : "polling").put("message", "")
                .put("pushTime", Long.toString(System.currentTimeMillis())).put("lastResult", push.lastResult).encode();
        String form = "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8)
                + "&sign=" + SandboxKuaidi100Signature.push(param, push.salt);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(push.callbackUrl)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
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
