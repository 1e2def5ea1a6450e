package io.quarkmall.common.outbox;

/**
 * Fired when a transaction records an outbox event on {@code topic} about {@code aggregateId};
 * observed once that transaction has committed (the relay, and the live streams of that aggregate).
 */
public record OutboxRecorded(String topic, String aggregateId) {
}
