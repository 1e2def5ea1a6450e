package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.domain.RuleViolation;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * When and how much of a SKU to reorder: the reorder point covers the forecast demand over the
 * lead time plus a safety stock against the forecast's error; the suggestion tops the stock
 * position up to that point plus the demand until the next review.
 */
public final class ReplenishmentPolicy {

    /** A year: the longest lead time or review period the policy plans for. */
    public static final int MAX_DAYS = 365;

    /** How long a supplier takes, how often stock is reviewed, and how rarely it may run out. */
    public record Terms(int leadTimeDays, int reviewPeriodDays, ServiceLevel serviceLevel) {
        public Terms {
            checkDays("lead-time", leadTimeDays);
            checkDays("review-period", reviewPeriodDays);
            Objects.requireNonNull(serviceLevel, "serviceLevel");
        }

        /** The days a forecast must cover for a suggestion. */
        public int horizonDays() {
            return leadTimeDays + reviewPeriodDays;
        }

        private static void checkDays(String what, int days) {
            if (days < 0 || days > MAX_DAYS) {
                throw new RuleViolation(what + "-out-of-range", "A " + what.replace('-', ' ')
                        + " lasts 0 to " + MAX_DAYS + " days, not " + days);
            }
        }
    }

    /** The SKU's stock now: on hand, ordered but not received, and held for orders. */
    public record Position(long onHand, long onOrder, long reserved) {
        public Position {
            if (onHand < 0 || onOrder < 0 || reserved < 0) {
                throw new RuleViolation("units-negative", "Units on hand (" + onHand + "), on order (" + onOrder
                        + ") and reserved (" + reserved + ") cannot be negative");
            }
        }

        /** What can still meet new demand: on hand + on order − reserved. */
        public long net() {
            return Math.subtractExact(Math.addExact(onHand, onOrder), reserved);
        }
    }

    /** The figures behind a suggestion, in units, and the suggestion in one line. */
    public record Suggestion(double demandOverLeadTime, double safetyStock, double reorderPoint,
                             double demandOverReviewPeriod, long position, long quantity, String explanation) {}

    /** Rounding up to whole units ignores what floating point adds below this. */
    private static final double UNIT_TOLERANCE = 1e-9;

    private ReplenishmentPolicy() {
    }

    /**
     * Safety stock = z · σ · √(lead time), none at a service level of 50% or below; reorder point =
     * demand over the lead time + safety stock; quantity = max(0, reorder point + demand over the
     * review period − position), rounded up to whole units.
     */
    public static Suggestion suggest(DemandForecast forecast, Terms terms, Position position) {
        if (forecast.horizonDays() < terms.horizonDays()) {
            throw new RuleViolation("forecast-too-short", "The suggestion needs " + terms.horizonDays()
                    + " days of forecast, not " + forecast.horizonDays());
        }
        int lead = terms.leadTimeDays();
        double z = terms.serviceLevel().z();
        double leadDemand = forecast.demandOver(0, lead);
        double safety = Math.max(0, z * forecast.residualSd() * Math.sqrt(lead));
        double reorderPoint = leadDemand + safety;
        double reviewDemand = forecast.demandOver(lead, terms.reviewPeriodDays());
        long net = position.net();
        long quantity = (long) Math.max(0, Math.ceil(reorderPoint + reviewDemand - net - UNIT_TOLERANCE));
        String explanation = String.format(Locale.ROOT,
                "Order %d: reorder point %.1f = %.1f forecast over a %d-day lead time + %.1f safety stock"
                        + " (z %.2f for %s%% service × σ %.2f/day × √%d); plus %.1f over the %d-day review period,"
                        + " less position %d (%d on hand + %d on order − %d reserved)",
                quantity, reorderPoint, leadDemand, lead, safety, z, percent(terms.serviceLevel()),
                forecast.residualSd(), lead, reviewDemand, terms.reviewPeriodDays(), net,
                position.onHand(), position.onOrder(), position.reserved());
        return new Suggestion(leadDemand, safety, reorderPoint, reviewDemand, net, quantity, explanation);
    }

    private static String percent(ServiceLevel level) {
        return BigDecimal.valueOf(level.probability()).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
