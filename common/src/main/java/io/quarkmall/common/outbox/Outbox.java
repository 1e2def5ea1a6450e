package io.quarkmall.common.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. Only a transaction that commits publishes its
 * events, and a committed event is published even if the service dies the next instant: the
 * relay finds it after the restart. There is no other way to send an event.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxRecorded> recorded;

    public Outbox(ObjectMapper json, Clock clock, Event<OutboxRecorded> recorded) {
        this.json = json;
        this.clock = clock;
        this.recorded = recorded;
    }

    /**
     * Must run inside the transaction of the state change the event announces. The event's type is
     * the simple name of its record ({@code OrderPaid}), one of the sealed set its topic allows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String aggregateId, Object event) {
        if (!event.getClass().isRecord()) {
            throw new IllegalArgumentException("An event is a record of its topic's sealed set, not a " + event.getClass());
        }
        String type = event.getClass().getSimpleName();
        var now = clock.instant();
        var envelope = new EventEnvelope(UUID.randomUUID(), type, now, aggregateId, json.valueToTree(event));
        try {
            new OutboxEvent(envelope.eventId(), topic, aggregateId, json.writeValueAsString(envelope), now).persist();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of " + type + " cannot be written as JSON", e);
        }
        recorded.fire(new OutboxRecorded(topic, aggregateId)); // the relay starts as soon as the transaction commits
        return envelope.eventId();
    }
}
