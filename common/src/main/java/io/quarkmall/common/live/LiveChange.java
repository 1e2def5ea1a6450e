package io.quarkmall.common.live;

/**
 * Fired by {@link LiveSignals#changed} for a change that records no outbox event; observed once its
 * transaction has committed, by the live streams of that aggregate only (not by the outbox relay).
 */
record LiveChange(String topic, String aggregateId) {
}
