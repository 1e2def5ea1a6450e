package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.domain.RuleViolation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The whole days a SKU's sales are read over: the last {@code days} days ending yesterday, since
 * today is not over and its sales so far would read as a drop in demand; from the SKU's first sale
 * on when that came later, so days before it was sold count neither as demand nor as quiet days.
 */
public record SalesPeriod(LocalDate from, LocalDate to) {

    /** Two weeks to a little under two years: at least two seasons for Holt-Winters, at most a cheap read. */
    public static final int MIN_DAYS = 14;
    public static final int MAX_DAYS = 730;

    public SalesPeriod {
        if (from.isAfter(to)) {
            throw new RuleViolation("period-reversed", "A period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The last {@code days} whole days before {@code today}, from {@code firstSale} on if it lies within them. */
    public static SalesPeriod of(LocalDate today, int days, Optional<LocalDate> firstSale) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new RuleViolation("period-out-of-range", "A period spans " + MIN_DAYS + " to " + MAX_DAYS
                    + " days, not " + days);
        }
        LocalDate to = today.minusDays(1);
        LocalDate windowStart = to.minusDays(days - 1L);
        LocalDate from = firstSale.filter(first -> first.isAfter(windowStart) && !first.isAfter(to)).orElse(windowStart);
        return new SalesPeriod(from, to);
    }

    /**
     * As {@link #of}, for a forecast: refuses ({@code history-too-short}) a SKU that never sold, or
     * whose first sale is fewer than {@code minHistoryDays} whole days back.
     */
    public static SalesPeriod toForecast(String sku, LocalDate today, int days, Optional<LocalDate> firstSale,
                                         int minHistoryDays) {
        LocalDate first = firstSale.orElseThrow(() -> new RuleViolation("history-too-short",
                "SKU " + sku + " has not sold yet: there is no demand to forecast"));
        long sellingDays = Math.max(0, ChronoUnit.DAYS.between(first, today));
        if (sellingDays < minHistoryDays) {
            throw new RuleViolation("history-too-short", "SKU " + sku + " first sold on " + first + ": "
                    + sellingDays + " whole days of sales, a forecast needs " + minHistoryDays);
        }
        return of(today, days, firstSale);
    }
}
