package io.quarkmall.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a sandbox's gate remembers of the calls it let through: a sliding one-second window for its rate limit,
 * and each call's one-time credential (a request id, a signature) for ten minutes, to tell a replay.
 */
final class SandboxCallWindow {

    private static final long REPLAY_WINDOW_MILLIS = 10 * 60_000L;

    private final int callsPerSecond;
    private final Deque<Long> callsInLastSecond = new ArrayDeque<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private volatile long prunedAt;

    SandboxCallWindow(int callsPerSecond) {
        this.callsPerSecond = callsPerSecond;
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
