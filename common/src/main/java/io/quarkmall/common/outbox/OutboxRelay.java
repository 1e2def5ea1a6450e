package io.quarkmall.common.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks each sent once the broker
 * acknowledged it. A failed send stays in the outbox with a growing backoff; the events after it
 * with the same key wait for it, so one aggregate's events are never reordered. Replicas share
 * the work through row locks (SKIP LOCKED). A crash after a send but before the mark means the
 * event goes out again after the restart: delivery is at least once, and consumers dedupe on the
 * event id (the inbox).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final KafkaPublisher publisher;
    private final Clock clock;
    private final boolean enabled;
    /** One thread: relays triggered by commits never overlap one another. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    OutboxRelay(EntityManager em, KafkaPublisher publisher, Clock clock,
                @ConfigProperty(name = "quarkmall.outbox.relay.enabled", defaultValue = "true") boolean enabled) {
        this.em = em;
        this.publisher = publisher;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Picks up what the commit-time trigger missed: retries after backoff, events left by a crash. */
    @Scheduled(every = "${quarkmall.outbox.relay.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (enabled) {
            relayDue();
        }
    }

    /**
     * A transaction that recorded events has committed: relay them now rather than at the next
     * tick, so a saga step costs milliseconds, not up to a second. Commits that come while a
     * relay runs are folded into one more run after it.
     */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        if (!enabled) {
            return;
        }
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        executor.shutdownNow();
    }

    private void drain() {
        try {
            while (requested.getAndSet(false)) {
                relayDue();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Relaying on commit failed; the scheduled relay will retry: %s", e.getMessage());
        } finally {
            running.set(false);
            if (requested.get() && running.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        }
    }

    /** Publishes everything that is due now; returns how many events went out. */
    public int relayDue() {
        int total = 0;
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            total += sent;
        } while (sent == BATCH);
        return total;
    }

    /**
     * One batch: the oldest due events, at most one per topic and key (the query leaves out any
     * event with an earlier unsent one), so all of them can be in flight at once without
     * reordering an aggregate's events, and the producer packs them into a few requests. The
     * acknowledged ones are marked sent in one statement; a failed one backs off.
     */
    private int relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> due = em.createNativeQuery("""
                SELECT o.* FROM outbox_event o
                WHERE o.sent_at IS NULL AND o.next_attempt_at <= ?1
                  AND NOT EXISTS (SELECT 1 FROM outbox_event earlier
                                  WHERE earlier.sent_at IS NULL AND earlier.topic = o.topic
                                    AND earlier.record_key = o.record_key AND earlier.id < o.id)
                ORDER BY o.id
                LIMIT ?2
                FOR UPDATE SKIP LOCKED
                """, OutboxEvent.class)
                .setParameter(1, clock.instant())
                .setParameter(2, BATCH)
                .getResultList();
        var sends = due.stream().map(publisher::send).toList();
        var sent = new ArrayList<Long>(due.size());
        for (int i = 0; i < due.size(); i++) {
            OutboxEvent event = due.get(i);
            try {
                sends.get(i).await();
                sent.add(event.id());
            } catch (InterruptedException e) {
                // Stopping: keep what the broker has acknowledged already; the rest stays due, as it was.
                Thread.currentThread().interrupt();
                for (int j = i; j < due.size(); j++) {
                    if (sends.get(j).acknowledged()) {
                        sent.add(due.get(j).id());
                    }
                }
                break;
            } catch (Exception e) {
                event.failed(e.toString(), clock.instant());
                LOG.warnf("Outbox event %s to %s not published (attempt %d): %s", event.eventId(), event.topic(),
                        event.attempts(), e.getMessage());
            }
        }
        if (!sent.isEmpty()) {
            em.createNativeQuery("UPDATE outbox_event SET sent_at = :now, last_error = NULL WHERE id IN (:ids)")
                    .setParameter("now", clock.instant())
                    .setParameter("ids", sent)
                    .executeUpdate();
        }
        return sent.size();
    }
}
