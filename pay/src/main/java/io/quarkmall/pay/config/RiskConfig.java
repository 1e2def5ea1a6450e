package io.quarkmall.pay.config;

import io.quarkmall.pay.domain.risk.RiskLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Risk control's thresholds and weights. A payment's score is the sum of the points of the rules
 * that found something, capped at 100; at or above {@code review-at} it waits for an operator, at
 * or above {@code decline-at} it is refused. Amounts are whole currency units (yuan); velocity
 * limits count attempts including the one assessed.
 */
@ConfigMapping(prefix = "quarkmall.pay.risk")
public interface RiskConfig {

    /**
     * Whether payments are screened: every attempt is scored before it reaches its channel. Off only in
     * pay's own tests of other things (their one shopper pays hundreds of times a minute); the tests of
     * screening turn it on.
     */
    @WithDefault("true")
    boolean screenPayments();

    /** A score at or above this holds the payment for review. */
    @WithDefault("50")
    int reviewAt();

    /** A score at or above this declines the payment. */
    @WithDefault("80")
    int declineAt();

    /** The short velocity window. */
    @WithDefault("10m")
    Duration shortWindow();

    /** The long velocity window, also the window of card cycling. */
    @WithDefault("1h")
    Duration longWindow();

    /** Attempts of one shopper: at most 3 in the short window, 10 in the long one. */
    @WithDefault("3")
    int shopperPerShortWindow();

    @WithDefault("10")
    int shopperPerLongWindow();

    @WithDefault("25")
    int shopperVelocityPoints();

    /** Attempts from one device (by any shopper). */
    @WithDefault("3")
    int devicePerShortWindow();

    @WithDefault("10")
    int devicePerLongWindow();

    @WithDefault("25")
    int deviceVelocityPoints();

    /** Attempts with one card or payer (by any shopper). */
    @WithDefault("3")
    int cardPerShortWindow();

    @WithDefault("6")
    int cardPerLongWindow();

    @WithDefault("25")
    int cardVelocityPoints();

    /** Distinct cards or payers one shopper or device may use in the long window. */
    @WithDefault("2")
    int maxCards();

    @WithDefault("30")
    int cardCyclingPoints();

    /** An amount more than this many times the shopper's median allowed payment is a spike. */
    @WithDefault("5")
    int spikeFactor();

    /** The median counts once the shopper has this many allowed payments; before, the absolute limit applies. */
    @WithDefault("3")
    int spikeMinHistory();

    @WithDefault("35")
    int spikePoints();

    /** The most a shopper with too little history pays without points (whole units). */
    @WithDefault("5000")
    long noHistoryLimit();

    @WithDefault("25")
    int noHistoryPoints();

    /** A basket of at least this (whole units) paid from a device the shopper never paid from. */
    @WithDefault("1000")
    long largeBasket();

    @WithDefault("20")
    int newDevicePoints();

    /** Added when the shipping address is also one the shopper never used. */
    @WithDefault("10")
    int newAddressPoints();

    /** Shipping region other than the payer's billing region. */
    @WithDefault("15")
    int addressMismatchPoints();

    /** Declines of the shopper's attempts (by risk control, an operator or the channel) allowed in the declines window. */
    @WithDefault("2")
    int maxDeclines();

    @WithDefault("1h")
    Duration declinesWindow();

    @WithDefault("30")
    int declinesPoints();

    default RiskLimits limits() {
        return new RiskLimits(reviewAt(), declineAt(), new RiskLimits.Windows(shortWindow(), longWindow(), declinesWindow()),
                new RiskLimits.Velocity(shopperPerShortWindow(), shopperPerLongWindow(), shopperVelocityPoints()),
                new RiskLimits.Velocity(devicePerShortWindow(), devicePerLongWindow(), deviceVelocityPoints()),
                new RiskLimits.Velocity(cardPerShortWindow(), cardPerLongWindow(), cardVelocityPoints()),
                new RiskLimits.CardCycling(maxCards(), cardCyclingPoints()),
                new RiskLimits.AmountSpike(spikeFactor(), spikeMinHistory(), spikePoints(), noHistoryLimit(), noHistoryPoints()),
                new RiskLimits.NewDevice(largeBasket(), newDevicePoints(), newAddressPoints()),
                addressMismatchPoints(),
                new RiskLimits.Declines(maxDeclines(), declinesPoints()));
    }
}
