package io.quarkmall.pay.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One channel's circuit: closed while calls succeed; open after {@code failuresToOpen} transient
 * errors in a row, so that new payments are offered other channels instead of waiting on this one;
 * after {@code openFor}, half open: one trial call is let through, and its outcome closes or reopens it.
 * It opens after one failure at least, for no time at least. Not thread-safe by itself: the caller synchronises.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failuresToOpen;
    private final Duration openFor;
    private int failuresInARow;
    private Instant openedAt;
    private boolean trialRunning;

    public CircuitBreaker(int failuresToOpen, Duration openFor) {
        this.failuresToOpen = Math.max(1, failuresToOpen);
        this.openFor = openFor.isNegative() ? Duration.ZERO : openFor;
    }

    public State state(Instant now) {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return now.isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }

    /** May a call go to the channel now? In half-open state only one trial at a time may. */
    public boolean allows(Instant now) {
        return switch (state(now)) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialRunning) {
                    yield false;
                }
                trialRunning = true;
                yield true;
            }
        };
    }

    public void succeeded() {
        failuresInARow = 0;
        openedAt = null;
        trialRunning = false;
    }

    public void failed(Instant now) {
        failuresInARow++;
        if (trialRunning || failuresInARow >= failuresToOpen) {
            openedAt = now;
        }
        trialRunning = false;
    }
}
