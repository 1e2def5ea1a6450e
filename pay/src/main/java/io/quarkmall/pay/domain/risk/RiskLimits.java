package io.quarkmall.pay.domain.risk;

import java.time.Duration;

/**
 * The thresholds and weights of the rules (configured under {@code quarkmall.pay.risk}). Amounts
 * are whole currency units (yuan). A velocity limit counts attempts including the one assessed.
 *
 * @param reviewAt a score at or above this holds the payment for an operator
 * @param declineAt a score at or above this refuses it
 */
public record RiskLimits(int reviewAt, int declineAt, Windows windows, Velocity shopper, Velocity device, Velocity card,
                         CardCycling cardCycling, AmountSpike amountSpike, NewDevice newDevice, int addressMismatchPoints,
                         Declines declines) {

    /** The windows attempts are counted in: velocity (short and long; card cycling uses the long one) and declines. */
    public record Windows(Duration shortWindow, Duration longWindow, Duration declines) {}

    /** More than {@code perShortWindow} attempts in the short window, or more than {@code perLongWindow} in the long one. */
    public record Velocity(int perShortWindow, int perLongWindow, int points) {}

    /** More than {@code maxCards} distinct payers (this one included) for a shopper or a device in the long window. */
    public record CardCycling(int maxCards, int points) {}

    /**
     * More than {@code factor} times the median of the shopper's last allowed amounts (once there
     * are at least {@code minHistory}); with fewer, more than {@code noHistoryLimit} whole units.
     */
    public record AmountSpike(int factor, int minHistory, int points, long noHistoryLimit, int noHistoryPoints) {}

    /** At least {@code largeBasket} whole units from a device the shopper has not paid from; more if the address is new too. */
    public record NewDevice(long largeBasket, int points, int newAddressPoints) {}

    /** More than {@code max} declined attempts of the shopper in the declines window. */
    public record Declines(int max, int points) {}
}
