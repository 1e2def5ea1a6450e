package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Sales histories for the analysis tests, from a Monday on, at 1.00 CNY a unit. */
final class Histories {

    static final LocalDate MONDAY = LocalDate.parse("2026-08-03");

    /** The weekly pattern of the synthetic seller, Monday to Sunday; it sums to zero. */
    static final double[] WEEK = {-6, -3, 0, 1, 2, 8, -2};

    private Histories() {
    }

    static SalesSeries of(long... units) {
        List<DailySales> rows = new ArrayList<>();
        for (int day = 0; day < units.length; day++) {
            rows.add(new DailySales(MONDAY.plusDays(day), units[day], new Money(units[day] * 100, "CNY")));
        }
        return SalesSeries.of("SKU-1", MONDAY, MONDAY.plusDays(units.length - 1L), "CNY", rows);
    }

    /** Space-separated units per day, as a table row writes them. */
    static SalesSeries of(String units) {
        return of(Arrays.stream(units.trim().split("\\s+")).mapToLong(Long::parseLong).toArray());
    }

    /** The synthetic seller's true mean on day {@code t}: 20 units, half a unit more each day, and the week's pattern. */
    static double trueMean(int t) {
        return 20 + 0.5 * t + WEEK[t % 7];
    }

    /** {@code days} days of the synthetic seller: the true mean plus normal noise (σ {@code sd}), in whole units. */
    static SalesSeries synthetic(int days, double sd, long seed) {
        Random noise = new Random(seed);
        long[] units = new long[days];
        for (int t = 0; t < days; t++) {
            units[t] = Math.max(0, Math.round(trueMean(t) + sd * noise.nextGaussian()));
        }
        return of(units);
    }
}
