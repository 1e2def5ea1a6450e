package io.quarkmall.stack;

import io.vertx.core.Vertx;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Plays the journeys of a pushing carrier sandbox's parcels (the aggregator's, the label API's) and sends each
 * scan's push. A scan happens {@code stepMillis} after the previous push was acknowledged or given up (the first
 * {@code stepMillis} after the journey started). An answer the push takes as acknowledging
 * ({@link SandboxPush#acknowledgedBy}) acknowledges it; anything else, or no answer, is
 * sent again on the SF-like sandbox's schedule (1, 2, 4 … 30 s, at most
 * {@value SandboxSfExpressJourneys#ATTEMPTS} attempts), stamped and signed afresh; then the journey goes on.
 */
final class SandboxPushPlayer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxPushPlayer(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The next scan of the parcel's journey, if any, {@code stepMillis} from now (after its start: the first). */
    void playNext(SandboxPush.Source parcel) {
        parcel.journey().awaitNextScan(delay -> vertx.setTimer(delay, timer -> happen(parcel, timer)));
    }

    /** A journey scripted after its start: its first scan, if still to come, is timed by the new script. */
    void rescripted(SandboxPush.Source parcel) {
        parcel.journey().restartFirstScan(Instant.now(), delay -> vertx.setTimer(delay, timer -> happen(parcel, timer)));
    }

    private void happen(SandboxPush.Source parcel, long timer) {
        SandboxPush push = parcel.happen(timer, Instant.now());
        if (push != null) {
            send(parcel, push);
        }
    }

    private void send(SandboxPush.Source parcel, SandboxPush push) {
        int attempt = push.attempt();
        post(push).whenComplete((response, failure) -> {
            if (failure == null && push.acknowledgedBy(response.statusCode(), response.body())) {
                push.acknowledge();
                playNext(parcel);
            } else if (attempt < SandboxSfExpressJourneys.ATTEMPTS) {
                vertx.setTimer(SandboxSfExpressJourneys.retryDelayMillis(attempt), timer -> send(parcel, push));
            } else {
                playNext(parcel); // given up: the next push carries this scan too, in its history
            }
        });
    }

    private CompletableFuture<HttpResponse<String>> post(SandboxPush push) {
        try {
            return http.sendAsync(push.request(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e); // a URL no client can call fails like an unreachable one
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
