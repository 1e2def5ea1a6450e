package io.quarkmall.e2e;

/** Request limits count in one-minute windows aligned to the clock: a test counts within one. */
final class RateWindows {

    private RateWindows() {
    }

    /** Waits, if need be, until the current window has at least 20 s left. */
    static void awaitFreshWindow() throws InterruptedException {
        long left = 60_000 - System.currentTimeMillis() % 60_000;
        if (left < 20_000) {
            Thread.sleep(left + 200);
        }
    }
}
