package io.quarkmall.stack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * A parcel's scripted journey in a carrier sandbox that pushes scans (the aggregator's, the label API's): the
 * scans played so far, from its start (a subscription, a label bought) on, one every {@code stepMillis}. Scans
 * happen on timers while the sandbox's API reads and cancels the parcel, so each change holds this lock, and only
 * the latest timer started may bring the next scan: that keeps one journey's scans strictly one after another.
 */
final class SandboxParcelJourney {

    /** One scan: what happened, when, and the delivery it predicted then (null once none is expected). */
    record Scan(SandboxSfExpressOpCode op, Instant time, Instant eta) {}

    /** What a cancellation found. */
    enum Cancellation { CANCELLED, ALREADY_COLLECTED }

    private static final long NO_TIMER = -1;

    private final List<Scan> scans = new ArrayList<>();
    private SandboxSfExpressJourney journey = SandboxSfExpressJourney.NORMAL;
    private long stepMillis = SandboxSfExpressJourney.DEFAULT_STEP_MILLIS;
    private Instant startedAt;
    private boolean cancelled;
    private long pendingTimer = NO_TIMER;

    /** Scripts the journey; false once its first scan has happened. */
    synchronized boolean script(SandboxSfExpressJourney journey, long stepMillis) {
        if (!scans.isEmpty()) {
            return false;
        }
        this.journey = journey;
        this.stepMillis = stepMillis;
        return true;
    }

    /** Starts it; false (and nothing changes) when it started before. */
    synchronized boolean start(Instant now) {
        if (startedAt != null) {
            return false;
        }
        startedAt = now;
        return true;
    }

    /** Cancels a parcel not yet picked up: no scan happens any more. Cancelling twice is no change. */
    synchronized Cancellation cancel() {
        if (!scans.isEmpty()) {
            return Cancellation.ALREADY_COLLECTED;
        }
        cancelled = true;
        pendingTimer = NO_TIMER;
        return Cancellation.CANCELLED;
    }

    /** Starts the timer of the next scan, {@code stepMillis} from now; earlier timers are stale from then on. */
    synchronized void awaitNextScan(LongUnaryOperator startTimer) {
        if (goesOn()) {
            pendingTimer = startTimer.applyAsLong(stepMillis);
        }
    }

    /** After a script: the first scan, if still to come, comes {@code stepMillis} after the start. */
    synchronized void restartFirstScan(Instant now, LongUnaryOperator startTimer) {
        if (goesOn() && scans.isEmpty()) {
            long delay = startedAt.plusMillis(stepMillis).toEpochMilli() - now.toEpochMilli();
            pendingTimer = startTimer.applyAsLong(Math.max(1, delay));
        }
    }

    /** Every scan so far, the one the timer brings last; null when the timer is stale, the parcel cancelled or the journey over. */
    synchronized List<Scan> happen(long timer, Instant now) {
        if (timer != pendingTimer || !goesOn()) {
            return null;
        }
        pendingTimer = NO_TIMER;
        int step = scans.size();
        scans.add(new Scan(journey.step(step), now, journey.eta(step, now, stepMillis)));
        return List.copyOf(scans);
    }

    /** The scan just played was the journey's last. */
    synchronized boolean over() {
        return scans.size() == journey.length();
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    synchronized boolean begun() {
        return !scans.isEmpty();
    }

    private boolean goesOn() {
        return startedAt != null && !cancelled && scans.size() < journey.length();
    }
}
