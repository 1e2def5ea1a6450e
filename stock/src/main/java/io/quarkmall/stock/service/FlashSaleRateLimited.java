package io.quarkmall.stock.service;

/** Too many flash-sale requests from one shopper or one address in the current window (429). */
public class FlashSaleRateLimited extends RuntimeException {

    private final long retryAfterSeconds;

    public FlashSaleRateLimited(long waitMillis) {
        super("Too many flash-sale requests from you in a short time");
        this.retryAfterSeconds = Math.max(1, (waitMillis + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
