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
import java.util.function.BiConsumer;
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
     * What every consumer does with a Kafka message: read the envelope and the fields it needs of
     * the payload, then, in a new transaction, apply the effect unless this consumer already did.
     * The payload is read as a tolerant reader: a field of the consumer's record that this event type
     * does not carry (one record serves every type of a topic) takes its default (common's StrictJson
     * leaves missing numbers alone for exactly this reason).
     * An unreadable message throws at once, so the channel's failure strategy (a dead-letter topic)
     * takes it. A failing effect (a lost connection, a deadlock, a gateway down) is rolled back and
     * tried again in place, waiting longer each time, so the partition's later events wait behind it
     * and keep their order; only after {@link #ATTEMPTS} attempts does it go to the dead-letter topic.
     */
    public <T> void applyOnce(String consumer, String message, Class<T> payloadType, BiConsumer<String, T> effect)
            throws JsonProcessingException {
        EventEnvelope event = json.readValue(message, EventEnvelope.class);
        T payload = json.treeToValue(event.payload(), payloadType);
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, event.eventId())) {
                        effect.accept(event.type(), payload);
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
