package io.quarkmall.stock.domain;

/** The answer a flash-sale buy attempt gets at once, from the one atomic step in Redis. */
public enum PurchaseOutcome {
    /** Admitted now: one unit is the shopper's, with a ticket. */
    ADMITTED,
    /** The same Idempotency-Key was admitted before: the same ticket again. */
    REPLAYED,
    SOLD_OUT,
    LIMIT_REACHED,
    NOT_STARTED,
    ENDED,
    /** Too many attempts from this shopper or this address in a short time. */
    RATE_LIMITED;

    /** A refusal leaves nothing behind, so it is not remembered: a retry with the same key is tried again. */
    public boolean admitted() {
        return this == ADMITTED || this == REPLAYED;
    }
}
