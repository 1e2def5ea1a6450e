package io.quarkmall.common.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every Quarkmall topic (docs/events/*.schema.json): a unique id consumers dedupe
 * on, the event's type, when it happened (UTC), the aggregate it belongs to (also the record key,
 * so one aggregate's events stay in order) and the type's own payload.
 */
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, String aggregateId, JsonNode payload) {
}
