package io.quarkmall.pay.domain.risk;

import io.quarkmall.pay.domain.AmountText;
import io.quarkmall.pay.domain.risk.RiskHistory.Attempts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of risk control, each a pure function of the attempt, what is known of earlier ones,
 * and the limits: it finds nothing, or a {@link RuleHit} whose sentence says why.
 */
public final class RiskRules {

    public static final String SHOPPER_VELOCITY = "shopper-velocity";
    public static final String DEVICE_VELOCITY = "device-velocity";
    public static final String CARD_VELOCITY = "card-velocity";
    public static final String CARD_CYCLING = "card-cycling";
    public static final String AMOUNT_SPIKE = "amount-spike";
    public static final String NEW_DEVICE_LARGE_BASKET = "new-device-large-basket";
    public static final String ADDRESS_MISMATCH = "address-mismatch";
    public static final String RECENT_DECLINES = "recent-declines";

    private RiskRules() {
    }

    /** Every rule that finds something, in the order above. */
    public static List<RuleHit> evaluate(AssessmentRequest attempt, RiskHistory history, RiskLimits limits) {
        var hits = new ArrayList<RuleHit>();
        var windows = limits.windows();
        velocity(SHOPPER_VELOCITY, "this shopper", history.shopperAttempts(), limits.shopper(), windows).ifPresent(hits::add);
        if (attempt.deviceId() != null) {
            velocity(DEVICE_VELOCITY, "this device", history.deviceAttempts(), limits.device(), windows).ifPresent(hits::add);
        }
        if (attempt.payerFingerprint() != null) {
            velocity(CARD_VELOCITY, "this card or payer", history.cardAttempts(), limits.card(), windows).ifPresent(hits::add);
        }
        cardCycling(attempt, history, limits.cardCycling(), windows).ifPresent(hits::add);
        amountSpike(attempt, history, limits.amountSpike()).ifPresent(hits::add);
        newDeviceLargeBasket(attempt, history, limits.newDevice()).ifPresent(hits::add);
        addressMismatch(attempt, limits.addressMismatchPoints()).ifPresent(hits::add);
        recentDeclines(history, limits.declines(), windows).ifPresent(hits::add);
        return List.copyOf(hits);
    }

    /** Too many attempts from one shopper, device or card in the short or the long window (this one counted). */
    static Optional<RuleHit> velocity(String rule, String who, Attempts earlier, RiskLimits.Velocity limit,
                                      RiskLimits.Windows windows) {
        int inShort = earlier.inShortWindow() + 1;
        int inLong = earlier.inLongWindow() + 1;
        if (inShort > limit.perShortWindow()) {
            return hit(rule, limit.points(), "%d payment attempts from %s within %s (more than %d)."
                    .formatted(inShort, who, text(windows.shortWindow()), limit.perShortWindow()));
        }
        if (inLong > limit.perLongWindow()) {
            return hit(rule, limit.points(), "%d payment attempts from %s within %s (more than %d)."
                    .formatted(inLong, who, text(windows.longWindow()), limit.perLongWindow()));
        }
        return Optional.empty();
    }

    /** Many different cards or payers tried by one shopper or on one device: the pattern of testing stolen cards. */
    static Optional<RuleHit> cardCycling(AssessmentRequest attempt, RiskHistory history, RiskLimits.CardCycling limit,
                                         RiskLimits.Windows windows) {
        int cards = history.otherCards() + (attempt.payerFingerprint() == null ? 0 : 1);
        if (cards <= limit.maxCards()) {
            return Optional.empty();
        }
        return hit(CARD_CYCLING, limit.points(), "%d different cards or payers tried by this shopper or on this device "
                .formatted(cards) + "within %s (more than %d).".formatted(text(windows.longWindow()), limit.maxCards()));
    }

    /** Far more than the shopper usually pays, or a large first payment from a shopper with too little history. */
    static Optional<RuleHit> amountSpike(AssessmentRequest attempt, RiskHistory history, RiskLimits.AmountSpike limit) {
        long amount = attempt.amount().amountMinor();
        String currency = attempt.amount().currency();
        if (history.earlierAmounts().size() < limit.minHistory()) {
            long limitMinor = limit.noHistoryLimit() * attempt.amount().minorPerUnit();
            return amount <= limitMinor ? Optional.empty() : hit(AMOUNT_SPIKE, limit.noHistoryPoints(),
                    "%s %s from a shopper with fewer than %d earlier payments is above the limit of %s %d."
                            .formatted(currency, units(attempt), limit.minHistory(), currency, limit.noHistoryLimit()));
        }
        long median = median(history.earlierAmounts());
        if (amount <= median * limit.factor()) {
            return Optional.empty();
        }
        return hit(AMOUNT_SPIKE, limit.points(), "%s %s is %s times this shopper's median payment of %s %s (more than %d times)."
                .formatted(currency, units(attempt), median == 0 ? "many" : Long.toString(amount / median), currency,
                        AmountText.units(median, attempt.amount().minorPerUnit()), limit.factor()));
    }

    /** A large basket paid from a device the shopper never paid from (an absent device id counts as new). */
    static Optional<RuleHit> newDeviceLargeBasket(AssessmentRequest attempt, RiskHistory history, RiskLimits.NewDevice limit) {
        boolean knownDevice = attempt.deviceId() != null && history.knownDevice();
        if (knownDevice || attempt.amount().amountMinor() < limit.largeBasket() * attempt.amount().minorPerUnit()) {
            return Optional.empty();
        }
        String device = attempt.deviceId() == null ? "No device id was sent" : "This shopper has never paid from this device";
        boolean newAddress = attempt.shippingAddressHash() != null && !history.knownAddress();
        String address = newAddress ? ", the order ships to an address the shopper never used," : "";
        return hit(NEW_DEVICE_LARGE_BASKET, limit.points() + (newAddress ? limit.newAddressPoints() : 0),
                "%s%s and the basket of %s %s is at least %d.".formatted(device, address, attempt.amount().currency(),
                        units(attempt), limit.largeBasket()));
    }

    /** The order ships to another region than the payer's billing or account region. */
    static Optional<RuleHit> addressMismatch(AssessmentRequest attempt, int points) {
        if (attempt.shippingRegion() == null || attempt.billingRegion() == null
                || normal(attempt.shippingRegion()).equals(normal(attempt.billingRegion()))) {
            return Optional.empty();
        }
        return hit(ADDRESS_MISMATCH, points, "The order ships to %s but the payer's billing region is %s."
                .formatted(normal(attempt.shippingRegion()), normal(attempt.billingRegion())));
    }

    /** The shopper's payments were declined many times lately. */
    static Optional<RuleHit> recentDeclines(RiskHistory history, RiskLimits.Declines limit, RiskLimits.Windows windows) {
        if (history.recentDeclines() <= limit.max()) {
            return Optional.empty();
        }
        return hit(RECENT_DECLINES, limit.points(), "%d of this shopper's payment attempts were declined within %s (more than %d)."
                .formatted(history.recentDeclines(), text(windows.declines()), limit.max()));
    }

    /** The middle amount (the lower of the two middle ones for an even count). */
    static long median(List<Long> amounts) {
        var sorted = amounts.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static Optional<RuleHit> hit(String rule, int points, String explanation) {
        return points <= 0 ? Optional.empty() : Optional.of(new RuleHit(rule, points, explanation));
    }

    /** 10 minutes, 1 hour, 90 minutes, 2 hours. */
    static String text(Duration window) {
        long minutes = window.toMinutes();
        if (minutes % 60 == 0 && minutes > 0) {
            return minutes == 60 ? "1 hour" : minutes / 60 + " hours";
        }
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static String normal(String region) {
        return region.trim().toUpperCase(Locale.ROOT);
    }

    private static String units(AssessmentRequest attempt) {
        return AmountText.units(attempt.amount().amountMinor(), attempt.amount().minorPerUnit());
    }
}
