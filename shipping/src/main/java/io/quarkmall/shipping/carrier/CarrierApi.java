package io.quarkmall.shipping.carrier;

import io.quarkmall.shipping.domain.DeliveryService;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A carrier reached through its API: it books a parcel under its own waybill, calls off a parcel it has not
 * collected, and pushes each scan to us signed. One implementation per carrier style; the local stack runs a
 * sandbox of each with the real integration's shape.
 */
public interface CarrierApi {

    /** Our order as every carrier knows it (its partner order id, its reference): {@code QM-<orderId>}. */
    static String reference(long orderId) {
        return "QM-" + orderId;
    }

    /** The carrier's code on shipments and in its push URL ({@code /carriers/{code}/pushes}). */
    String code();

    /** What a booking gave: the carrier's waybill, and where it serves the label it printed (null when we print it). */
    record Booked(String waybill, String labelUrl) {}

    /**
     * Books the parcel of {@code orderId} with the carrier's product for {@code service} (telling it the parcel's
     * weight when known) and returns the carrier's waybill; booking the same order again returns the same waybill.
     *
     * @throws CarrierUnavailable when the carrier cannot answer now (rate limit, outage): try again later
     * @throws CarrierRefused when it will not book it as asked
     */
    Booked book(long orderId, DeliveryService service, Optional<Integer> weightGrams);

    /** Calls off the booked parcel of {@code orderId}; false if the carrier has collected it already. */
    boolean callOff(long orderId);

    /**
     * The scan one push reports, once its signature over the body's bytes as sent is verified and it is fresh.
     *
     * @throws InvalidPush when it is forged, stale or unreadable
     */
    CarrierPush read(Map<String, String> lowerCaseHeaders, byte[] body, Instant now);

    /** What the carrier expects to be answered (as JSON) for a push once it is applied, or was before. */
    Map<String, Object> acknowledgement();

    /** Why this carrier cannot be used as configured (a key missing), if it cannot: checked at startup when it is the chosen one. */
    Optional<String> unusableBecause();
}
