package io.quarkmall.common.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.common.outbox.EventEnvelope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes a consumer idempotent: it records the event id in the same transaction as the event's
 * effect. A redelivered event finds its id already there and the consumer applies nothing.
 */
@ApplicationScoped
public class Inbox {

    /** How often an effect is tried before its event goes to the dead-letter topic: about 12 s in all. */
    static final int ATTEMPTS = 7;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final Clock clock;
    private final ObjectMapper json;

    Inbox(EntityManager em, Clock clock, ObjectMapper json) {
        this.em = em;
        this.clock = clock;
        this.json = json;
    }

    /**
     * What every consumer does with a Kafka message: read the envelope; if its type has a route,
     * read the payload into the route's record and, in a new transaction, apply the handler unless
     * this consumer already did. A type without a route is skipped without touching the database.
     * The payload is read as a tolerant reader: fields the record does not name are ignored.
     * An unreadable message throws at once, so the channel's failure strategy (a dead-letter topic)
     * takes it. A failing effect (a lost connection, a deadlock, a gateway down) is rolled back and
     * tried again in place, waiting longer each time, so the partition's later events wait behind it
     * and keep their order; only after {@link #ATTEMPTS} attempts does it go to the dead-letter topic.
     */
    public void deliver(String message, EventRoutes routes) throws JsonProcessingException {
        EventEnvelope event = json.readValue(message, EventEnvelope.class);
        var route = routes.routeOf(event.type());
        if (route.isEmpty()) {
            return;
        }
        Object payload = json.treeToValue(event.payload(), route.get().payloadType());
        String consumer = routes.consumer();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, event.eventId())) {
                        route.get().apply(payload, event.occurredAt());
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("%s could not apply %s %s (attempt %d of %d), retrying: %s", consumer, event.type(),
                        event.eventId(), attempt, ATTEMPTS, e.getMessage());
                pause(FIRST_PAUSE.multipliedBy(1L << (attempt - 1)));
            }
        }
    }

    /**
     * Routes a message by type like {@link #deliver}, but records nothing and opens no transaction:
     * for an effect outside this database that is idempotent by construction (a search index written
     * with the event's time as its version), so a replay of the whole topic may rebuild it.
     */
    public void dispatch(String message, EventRoutes routes) throws JsonProcessingException {
        EventEnvelope event = json.readValue(message, EventEnvelope.class);
        var route = routes.routeOf(event.type());
        if (route.isPresent()) {
            route.get().apply(json.treeToValue(event.payload(), route.get().payloadType()), event.occurredAt());
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }

    /**
     * True the first time this consumer sees the event; false on every redelivery. Two concurrent
     * deliveries of one event cannot both get true: the second waits on the first's row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return em.createNativeQuery("""
                        INSERT INTO inbox_event (consumer, event_id, processed_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, clock.instant())
                .executeUpdate() == 1;
    }
}
