package io.quarkmall.stack;

import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One push of a carrier sandbox (a scan, with the history before it), attempted until the merchant acknowledges it
 * or the sandbox gives up; each attempt is a request of its own, stamped and signed afresh.
 */
abstract class SandboxPush {

    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean acknowledged;

    /** The request of the next attempt. */
    abstract HttpRequest request();

    /** Whether the merchant's answer acknowledges the push: any 2xx, unless the carrier asks for more. */
    boolean acknowledgedBy(int status, String body) {
        return status / 100 == 2;
    }

    /** Counts an attempt and returns its number, 1 for the first. */
    final int attempt() {
        return attempts.incrementAndGet();
    }

    final void acknowledge() {
        acknowledged = true;
    }

    final int attempts() {
        return attempts.get();
    }

    final boolean acknowledged() {
        return acknowledged;
    }

    /** A parcel whose journey a sandbox plays, pushing each scan. */
    interface Source {
        SandboxParcelJourney journey();

        /** The push of the scan the timer brings, or null when the timer is stale, the parcel cancelled or the journey over. */
        SandboxPush happen(long timer, java.time.Instant now);
    }
}
