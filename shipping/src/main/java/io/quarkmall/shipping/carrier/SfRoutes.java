package io.quarkmall.shipping.carrier;

import io.quarkmall.shipping.domain.TrackingCode;
import java.util.Map;
import java.util.Optional;

/**
 * The SF-Express-like carrier's route operation codes in our one tracking model. An operation code not listed here makes a push unreadable (the carrier is told, not ignored).
 */
final class SfRoutes {

    private static final Map<String, TrackingCode> CODES = Map.of(
            "50", TrackingCode.PICKED_UP,
            "30", TrackingCode.ARRIVED_AT_SORTING_CENTRE,
            "36", TrackingCode.IN_TRANSIT,
            "44", TrackingCode.OUT_FOR_DELIVERY,
            "80", TrackingCode.DELIVERED,
            "33", TrackingCode.DELAYED,
            "70", TrackingCode.EXCEPTION,
            "99", TrackingCode.RETURNED_TO_SENDER,
            "631", TrackingCode.LOST);

    private SfRoutes() {
    }

    static Optional<TrackingCode> code(String opCode) {
        return Optional.ofNullable(opCode == null ? null : CODES.get(opCode));
    }
}
