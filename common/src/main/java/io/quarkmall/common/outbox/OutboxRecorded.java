package io.quarkmall.common.outbox;

/** Fired when a transaction records an outbox event; observed once that transaction has committed. */
record OutboxRecorded() {
}
