package io.quarkmall.common.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One event waiting in the outbox (or already sent). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID eventId;
    private String topic;
    private String recordKey;
    private String envelope;
    private Instant createdAt;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant sentAt;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID eventId, String topic, String recordKey, String envelope, Instant now) {
        this.eventId = eventId;
        this.topic = topic;
        this.recordKey = recordKey;
        this.envelope = envelope;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Exponential backoff, 0.5 s doubling up to a minute, so a broker outage is not hammered. */
    void failed(String error, Instant now) {
        attempts++;
        long millis = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(attempts - 1, 16));
        nextAttemptAt = now.plusMillis(millis);
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    Long id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String topic() {
        return topic;
    }

    public String recordKey() {
        return recordKey;
    }

    public String envelope() {
        return envelope;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
