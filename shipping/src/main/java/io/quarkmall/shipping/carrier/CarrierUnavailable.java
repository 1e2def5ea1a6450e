package io.quarkmall.shipping.carrier;

import java.time.Duration;
import java.util.Optional;

/** The carrier could not answer now (a rate limit, an outage, a timeout); the call is tried again later. */
public class CarrierUnavailable extends RuntimeException {

    private final transient Duration retryAfter;

    public CarrierUnavailable(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the carrier asked us to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
