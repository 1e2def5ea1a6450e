package io.quarkmall.common.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live streams (server-sent events) this replica serves. A stream sends what its client missed
 * since the Last-Event-ID it came back with, then each new entry as soon as the change that wrote it
 * commits on any replica ({@link LiveSignals}). Every sweep (15 s) each stream sends a keep-alive,
 * which finds clients that left, and looks for entries a lost signal did not announce. A stream
 * ends when the caller's token expires: the client comes back with a fresh one and its last id.
 */
@ApplicationScoped
public class LiveFeeds {

    private final LiveSignals signals;
    private final Clock clock;
    private final Duration sweepEvery;
    private final Set<LiveFeed> open = ConcurrentHashMap.newKeySet();

    LiveFeeds(LiveSignals signals, Clock clock, MeterRegistry meters,
              @ConfigProperty(name = "quarkmall.live.sweep", defaultValue = "15s") Duration sweepEvery) {
        this.signals = signals;
        this.clock = clock;
        this.sweepEvery = sweepEvery;
        Gauge.builder("quarkmall.live.streams", open, Set::size).description("Live streams open on this replica")
                .register(meters);
    }

    /**
     * Streams the entries of {@code key} after {@code lastId} to {@code sink} until {@code until}.
     * {@code after} reads the entries with a greater id, oldest first, from the database (it runs in
     * a transaction of its own, on a worker thread).
     */
    public void open(SseEventSink sink, Sse sse, String key, long lastId, LongFunction<List<LiveEntry>> after,
                     Instant until) {
        Instant firstSweep = clock.instant().plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, sweepEvery.toMillis())));
        var feed = new LiveFeed(sink, sse, lastId, after, until, firstSweep, open::remove);
        open.add(feed);
        feed.listenTo(signals, key);
        feed.start();
    }

    /** Each stream is swept once an interval, at its own moment in it, so 1,000 streams never read at once. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        for (LiveFeed feed : open) {
            feed.sweepIfDue(now, sweepEvery);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        open.forEach(LiveFeed::close);
    }

    /** Streams open on this replica. */
    public int size() {
        return open.size();
    }
}
