package io.quarkmall.shipping.domain;

import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a parcel owes a carrier with an API: a call to book it, or to call it off, due at a time; the calls that
 * failed and why the last one did. A parcel of the simulated carrier owes nothing.
 */
@Embeddable
public class CarrierBooking {

    /** The longest wait between two calls to a carrier that is unavailable. */
    public static final Duration MOST_BACKOFF = Duration.ofSeconds(60);

    /** Booked through a carrier's API: its tracking number is the carrier's waybill, and its scans come from the carrier. */
    private boolean carrierApi;
    private Instant carrierCallDueAt;
    private int carrierCalls;
    private String carrierError;

    protected CarrierBooking() {
    }

    /** A parcel of the simulated carrier. */
    static CarrierBooking none() {
        return new CarrierBooking();
    }

    /** A parcel to be booked with a carrier's API at {@code now}. */
    static CarrierBooking dueAt(Instant now) {
        var booking = new CarrierBooking();
        booking.carrierApi = true;
        booking.carrierCallDueAt = now;
        return booking;
    }

    boolean api() {
        return carrierApi;
    }

    /** The order was cancelled: a parcel booked, or perhaps booked by a call that failed on its way back, is called off. */
    void cancelled(boolean booked, Instant now) {
        if (carrierApi) {
            carrierCallDueAt = booked || carrierCalls > 0 ? now : null;
        }
    }

    /** The carrier has nothing more to hear about this parcel (booked, called off, or beyond calling off). */
    public void settled() {
        carrierCallDueAt = null;
        carrierError = null;
    }

    /**
     * The carrier could not answer now: it is called again after {@code retryAfter} if it said, else after 1, 2,
     * 4 … s, at most {@link #MOST_BACKOFF}, for the first, second, third … failed call.
     */
    public void unavailable(String reason, Instant now, Optional<Duration> retryAfter) {
        carrierCalls++;
        carrierError = reason;
        Duration backoff = Duration.ofSeconds(1L << Math.min(carrierCalls - 1, 6));
        carrierCallDueAt = now.plus(retryAfter.orElse(backoff.compareTo(MOST_BACKOFF) > 0 ? MOST_BACKOFF : backoff));
    }

    /** The carrier refused the call as made (or it failed unexpectedly): an operator must look; tried again after {@code retryIn}. */
    public void refused(String reason, Instant now, Duration retryIn) {
        carrierCalls++;
        carrierError = reason;
        carrierCallDueAt = now.plus(retryIn);
    }

    /** The order was cancelled, but the carrier had collected the parcel already: an operator arranges its return. */
    public void collectedDespiteCancellation() {
        carrierCallDueAt = null;
        carrierError = "collected by the carrier before the cancellation reached it: arrange its return";
    }

    /** When the carrier is called about it next; null when nothing is owed. */
    public Instant nextCallAt() {
        return carrierCallDueAt;
    }

    /** Calls made to the carrier about this parcel that did not succeed; the next waits longer. */
    public int failedCalls() {
        return carrierCalls;
    }

    /** Why the last call to the carrier about it failed; null when none is failing. */
    public String error() {
        return carrierError;
    }
}
