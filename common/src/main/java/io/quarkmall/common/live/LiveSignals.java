package io.quarkmall.common.live;

import io.quarkmall.common.outbox.OutboxRecorded;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells every replica's live streams that an aggregate changed. Once a transaction that records an
 * outbox event on one of the live topics ({@code quarkmall.live.topics}) has committed, this
 * replica wakes its own streams of {@code topic/aggregateId} and publishes the key on a Redis
 * pub/sub channel; each other replica subscribes (on its first stream) and wakes the streams it
 * serves for that key, which then read what is new from the database. Pub/sub delivers at most once: a signal lost while Redis is away
 * is made up by {@link LiveFeeds}' sweep, so Redis only makes a stream fast, never correct.
 */
@ApplicationScoped
public class LiveSignals {

    private static final Logger LOG = Logger.getLogger(LiveSignals.class);
    private static final Duration SUBSCRIBE_PATIENCE = Duration.ofSeconds(5);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final ReactiveRedisDataSource redis;
    private final Event<OutboxRecorded> changes;
    private final Set<String> topics;
    private final String channel;
    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    /** Tells this replica's own signals from the others'. */
    private final String replica = UUID.randomUUID().toString();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY.toNanos() - 1);
    private volatile boolean subscribed;

    LiveSignals(ReactiveRedisDataSource redis, Event<OutboxRecorded> changes,
                @ConfigProperty(name = "quarkmall.live.topics") Optional<List<String>> topics,
                @ConfigProperty(name = "quarkus.application.name") String application) {
        this.redis = redis;
        this.changes = changes;
        this.topics = Set.copyOf(topics.orElse(List.of()));
        // One channel per service and launch mode: tests and a local mall may share one Redis.
        this.channel = "quarkmall.live." + application + "." + LaunchMode.current().getDefaultProfile();
    }

    /** The key of one aggregate's streams. */
    public static String key(String topic, String aggregateId) {
        return topic + "/" + aggregateId;
    }

    /**
     * Announces, once the caller's transaction commits, a change to {@code aggregateId} that records
     * no outbox event (an outbox event announces itself).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String topic, String aggregateId) {
        changes.fire(new OutboxRecorded(topic, aggregateId));
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        if (!topics.contains(recorded.topic())) {
            return;
        }
        String key = key(recorded.topic(), recorded.aggregateId());
        wake(key); // this replica's streams at once; the others through Redis
        redis.pubsub(String.class).publish(channel, replica + " " + key)
                .subscribe().with(receivers -> { }, this::notPublished);
    }

    private void notPublished(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last > WARN_EVERY.toNanos() && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Live signals are not reaching the other replicas (their streams catch up at the sweep): %s",
                    failure.getMessage());
        }
    }

    /** Calls {@code wake} whenever {@code key} changes, on any replica, until the returned handle is closed. */
    public AutoCloseable listen(String key, Runnable wake) {
        subscribeOnce();
        listeners.compute(key, (k, set) -> { // atomic with the removal below: never into a set just dropped
            Set<Runnable> all = set == null ? ConcurrentHashMap.newKeySet() : set;
            all.add(wake);
            return all;
        });
        return () -> listeners.computeIfPresent(key, (k, set) -> {
            set.remove(wake);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many streams listen on this replica. */
    public int listening() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    private synchronized void subscribeOnce() {
        if (subscribed) {
            return;
        }
        try {
            Uni<?> subscription = redis.pubsub(String.class).subscribe(channel, this::signalled);
            subscription.await().atMost(SUBSCRIBE_PATIENCE);
            subscribed = true;
        } catch (RuntimeException e) {
            // Streams still follow their aggregates through the sweep; the next stream tries again.
            LOG.warnf("Live signals not subscribed (streams fall back to the sweep): %s", e.getMessage());
        }
    }

    private void signalled(String message) {
        int space = message.indexOf(' ');
        if (space < 0 || message.substring(0, space).equals(replica)) {
            return; // our own signal: its streams were woken at the commit
        }
        wake(message.substring(space + 1));
    }

    private void wake(String key) {
        Set<Runnable> woken = listeners.get(key);
        if (woken != null) {
            woken.forEach(Runnable::run);
        }
    }
}
