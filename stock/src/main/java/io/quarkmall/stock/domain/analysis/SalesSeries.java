package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One SKU's sales for every day of a period, oldest first: days without a sale count as zero, so
 * a forecast sees the quiet days too, and several rows for one day (one per order) add up.
 */
public final class SalesSeries {

    /** Ten years of days: more than any analysis reads, few enough to keep a request cheap. */
    public static final int MAX_DAYS = 3660;

    private final String sku;
    private final LocalDate from;
    private final String currency;
    private final long[] units;
    private final long[] revenueMinor;

    private SalesSeries(String sku, LocalDate from, String currency, long[] units, long[] revenueMinor) {
        this.sku = sku;
        this.from = from;
        this.currency = currency;
        this.units = units;
        this.revenueMinor = revenueMinor;
    }

    /** The SKU's sales from {@code from} to {@code to}, both included, with revenue in {@code currency}. */
    public static SalesSeries of(String sku, LocalDate from, LocalDate to, String currency, List<DailySales> sales) {
        Money.zero(currency); // refuses a code that is not ISO-4217 before any day is read
        long span = ChronoUnit.DAYS.between(from, to) + 1;
        if (span < 1) {
            throw new RuleViolation("period-reversed", "A period cannot end (" + to + ") before it starts (" + from + ")");
        }
        if (span > MAX_DAYS) {
            throw new RuleViolation("period-too-long", "A period spans at most " + MAX_DAYS + " days, not " + span);
        }
        long[] units = new long[(int) span];
        long[] revenue = new long[(int) span];
        for (DailySales sale : sales) {
            if (sale.date().isBefore(from) || sale.date().isAfter(to)) {
                throw new RuleViolation("sale-outside-period", "A sale on " + sale.date() + " is outside " + from + ".." + to);
            }
            if (!sale.revenue().currency().equals(currency)) {
                throw new RuleViolation("mixed-currencies",
                        "Revenue in " + sale.revenue().currency() + " cannot join a series in " + currency);
            }
            int day = (int) ChronoUnit.DAYS.between(from, sale.date());
            units[day] = Math.addExact(units[day], sale.units());
            revenue[day] = Math.addExact(revenue[day], sale.revenue().amountMinor());
        }
        return new SalesSeries(sku, from, currency, units, revenue);
    }

    public String sku() {
        return sku;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return from.plusDays(units.length - 1L);
    }

    /** Every day of the period, zero-filled: the daily sales a chart draws. */
    public List<DailySales> days() {
        List<DailySales> days = new ArrayList<>(units.length);
        for (int day = 0; day < units.length; day++) {
            days.add(new DailySales(from.plusDays(day), units[day], new Money(revenueMinor[day], currency)));
        }
        return List.copyOf(days);
    }

    public int length() {
        return units.length;
    }

    public long totalUnits() {
        return Arrays.stream(units).reduce(0, Math::addExact);
    }

    public Money totalRevenue() {
        return new Money(Arrays.stream(revenueMinor).reduce(0, Math::addExact), currency);
    }

    /** Units per day as numbers a forecast computes with. */
    double[] demand() {
        return Arrays.stream(units).asDoubleStream().toArray();
    }
}
