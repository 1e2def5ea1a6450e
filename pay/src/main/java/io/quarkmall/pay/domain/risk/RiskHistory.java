package io.quarkmall.pay.domain.risk;

import java.util.List;

/**
 * What pay knows of earlier attempts when a new one is assessed, counted from earlier assessments
 * (this attempt not included). Counts of an identifier the attempt does not carry are 0.
 *
 * @param shopperAttempts the shopper's attempts in the short and the long window
 * @param deviceAttempts attempts from the device, by any shopper
 * @param cardAttempts attempts with the payer fingerprint, by any shopper
 * @param otherCards distinct payer fingerprints other than this one used by the shopper or from the device in the long window
 * @param earlierAmounts the shopper's earlier allowed amounts in the attempt's currency, newest first
 * @param knownDevice the shopper paid from this device (an allowed or approved attempt) before the long window
 * @param knownAddress the shopper shipped to this address (an allowed or approved attempt) before the long window
 * @param recentDeclines the shopper's attempts declined (by risk control, an operator or the channel) in the declines window
 */
public record RiskHistory(Attempts shopperAttempts, Attempts deviceAttempts, Attempts cardAttempts, int otherCards,
                          List<Long> earlierAmounts, boolean knownDevice, boolean knownAddress, int recentDeclines) {

    /** Earlier attempts in the short window (10 minutes by default) and the long one (an hour). */
    public record Attempts(int inShortWindow, int inLongWindow) {
        public static final Attempts NONE = new Attempts(0, 0);
    }

    public RiskHistory {
        earlierAmounts = List.copyOf(earlierAmounts);
    }

    /** A shopper nobody has seen, on a device and card nobody has seen. */
    public static RiskHistory none() {
        return new RiskHistory(Attempts.NONE, Attempts.NONE, Attempts.NONE, 0, List.of(), false, false, 0);
    }
}
