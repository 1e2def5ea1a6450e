package io.quarkmall.stack;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a sandbox's gate keeps about calls: faults planted for the next calls, a sliding one-second window of the
 * calls it let through for its rate limit, and each call's one-time credential (a request id, a signature) for ten
 * minutes, to tell a replay.
 */
final class SandboxCallWindow {

    private static final long REPLAY_WINDOW_MILLIS = 10 * 60_000L;

    private final int callsPerSecond;
    private final Deque<Long> callsInLastSecond = new ArrayDeque<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private volatile long prunedAt;
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private volatile int faultStatus = 500;

    SandboxCallWindow(int callsPerSecond) {
        this.callsPerSecond = callsPerSecond;
    }

    /** The next {@code count} calls fail with {@code status} (500, 503 or 429). */
    void plantFaults(int count, int status) {
        faultStatus = status;
        faultsLeft.set(count);
    }

    /** Answers the call with a planted fault, if one is left: HTTP 500 or 503, or 429 with Retry-After; false if none is. */
    boolean failedByPlantedFault(RoutingContext ctx) {
        if (faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            return false;
        }
        fail(ctx, faultStatus);
        return true;
    }

    /** A plain-text failure of the gateway in front of the API: 429 says when to try again. */
    static void fail(RoutingContext ctx, int status) {
        if (status == 429) {
            ctx.response().putHeader("Retry-After", "1");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(status == 429 ? "too many requests" : "service unavailable");
    }

    /** Counts the call; false (not counted) when {@code callsPerSecond} were let through within the last second. */
    synchronized boolean admitted() {
        long now = System.nanoTime();
        while (!callsInLastSecond.isEmpty() && now - callsInLastSecond.peekFirst() >= 1_000_000_000L) {
            callsInLastSecond.pollFirst();
        }
        if (callsInLastSecond.size() >= callsPerSecond) {
            return false;
        }
        callsInLastSecond.addLast(now);
        return true;
    }

    /** Remembers the credential; false when it was let through less than ten minutes ago. */
    boolean firstSeen(String credential) {
        long now = System.currentTimeMillis();
        if (now - prunedAt > 60_000L) {
            prunedAt = now;
            seen.values().removeIf(seenAt -> now - seenAt > REPLAY_WINDOW_MILLIS);
        }
        Long seenAt = seen.putIfAbsent(credential, now);
        return seenAt == null || now - seenAt > REPLAY_WINDOW_MILLIS && seen.replace(credential, seenAt, now);
    }
}
