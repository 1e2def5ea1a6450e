package io.quarkmall.common.live;

import io.quarkmall.common.outbox.OutboxRecorded;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells every replica's live streams that an aggregate changed. Once a transaction that records an
 * outbox event on one of the live topics ({@code quarkmall.live.topics}) has committed, this
 * replica wakes its own streams of {@code topic/aggregateId} and publishes the key on a Redis
 * pub/sub channel; each other replica subscribes (on its first stream) and wakes the streams it
 * serves for that key, which then read what is new from the database. The subscription is made at
 * startup and made again (1 s doubling to 30 s) whenever Redis ends it or refuses it. Pub/sub
 * delivers at most once: a signal lost while Redis is away is made up by {@link LiveFeeds}' sweep,
 * so Redis only makes a stream fast, never correct.
 */
@ApplicationScoped
public class LiveSignals {

    private static final Logger LOG = Logger.getLogger(LiveSignals.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final Duration SUBSCRIBE_PATIENCE = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final ReactiveRedisDataSource redis;
    private final Event<LiveChange> changes;
    private final Set<String> topics;
    private final String channel;
    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    /** Tells this replica's own signals from the others'. */
    private final String replica = UUID.randomUUID().toString();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY.toNanos() - 1);
    /** Set while a subscription is made or held; cleared when Redis ends it or refuses it. */
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicLong generation = new AtomicLong();
    private volatile Duration nextRetry = FIRST_RETRY;
    private volatile boolean stopping;

    LiveSignals(ReactiveRedisDataSource redis, Event<LiveChange> changes,
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
        changes.fire(new LiveChange(topic, aggregateId));
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        committed(recorded.topic(), recorded.aggregateId());
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveChange change) {
        committed(change.topic(), change.aggregateId());
    }

    private void committed(String topic, String aggregateId) {
        if (!topics.contains(topic)) {
            return;
        }
        String key = key(topic, aggregateId);
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
        subscribe();
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

    void start(@Observes StartupEvent startup) {
        if (!topics.isEmpty()) {
            subscribe();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Subscribes unless a subscription is held or under way; never waits for Redis. */
    private void subscribe() {
        if (stopping || !subscribed.compareAndSet(false, true)) {
            return;
        }
        long attempt = generation.incrementAndGet(); // callbacks of an older subscription change nothing
        redis.pubsub(String.class).subscribe(channel, this::signalled, () -> lost(attempt, null), e -> lost(attempt, e))
                .ifNoItem().after(SUBSCRIBE_PATIENCE).fail()
                .subscribe().with(subscriber -> {
                    if (attempt == generation.get()) {
                        nextRetry = FIRST_RETRY;
                    } else {
                        subscriber.unsubscribe().subscribe().with(done -> { }, e -> { });
                    }
                }, e -> lost(attempt, e));
    }

    /** Redis ended or refused the subscription: streams fall back to the sweep until it is made again. */
    private void lost(long attempt, Throwable failure) {
        if (stopping || attempt != generation.get() || !subscribed.compareAndSet(true, false)) {
            return;
        }
        Duration wait = nextRetry;
        nextRetry = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
        LOG.warnf("Live signals not subscribed (streams fall back to the sweep; again in %d s): %s", wait.toSeconds(),
                failure == null ? "the subscription ended" : failure.getMessage());
        Uni.createFrom().voidItem().onItem().delayIt().by(wait).subscribe().with(ignored -> subscribe());
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
