package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.domain.RuleViolation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A SKU's expected units per day after its history, from additive Holt-Winters (level, trend and a
 * weekly season) or, with less than two weeks of history, simple exponential smoothing.
 *
 * @param daily        expected units on each day from {@code firstDay} on, never below zero
 * @param oneStepAhead each past day as predicted from the days before it (the forecast against history)
 * @param residualSd   the standard deviation of the one-step-ahead errors, in units per day
 */
public record DemandForecast(Method method, Smoothing smoothing, LocalDate firstDay, List<Double> daily,
                             List<Double> oneStepAhead, double residualSd) {

    public enum Method { HOLT_WINTERS, SIMPLE_EXPONENTIAL_SMOOTHING }

    /** Holt-Winters needs two whole weeks to tell the trend from the weekly pattern. */
    public static final int HOLT_WINTERS_MIN_DAYS = 2 * Smoothers.SEASON;

    /** Two years of days ahead at most. */
    public static final int MAX_HORIZON_DAYS = 730;

    /** The weights the fit tries for each of alpha, beta and gamma. */
    static final double[] GRID = {0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    public DemandForecast {
        if (!(residualSd >= 0 && residualSd < Double.POSITIVE_INFINITY)
                || daily.stream().anyMatch(units -> !(units >= 0 && units < Double.POSITIVE_INFINITY))) {
            throw new RuleViolation("forecast-invalid", "Expected units and their deviation are finite and not negative");
        }
        daily = List.copyOf(daily);
        oneStepAhead = List.copyOf(oneStepAhead);
    }

    /** The forecast with the weights (from {@link #GRID}) whose one-step-ahead errors square to the least. */
    public static DemandForecast fit(SalesSeries history, int horizonDays) {
        double[] y = demandOf(history, horizonDays);
        boolean seasonal = y.length >= HOLT_WINTERS_MIN_DAYS;
        BiFunction<double[], Smoothing, Smoothers.Pass> smoother = seasonal ? Smoothers::holtWinters : Smoothers::simple;
        double[] others = seasonal ? GRID : new double[] {0};
        Smoothing best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double alpha : GRID) {
            for (double beta : others) {
                for (double gamma : others) {
                    Smoothing candidate = new Smoothing(alpha, beta, gamma);
                    double sse = smoother.apply(y, candidate).sse();
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = candidate;
                    }
                }
            }
        }
        return forecast(history, y, best, horizonDays);
    }

    /** The forecast with the weights given. */
    public static DemandForecast withSmoothing(SalesSeries history, Smoothing smoothing, int horizonDays) {
        return forecast(history, demandOf(history, horizonDays), smoothing, horizonDays);
    }

    public int horizonDays() {
        return daily.size();
    }

    /** Expected units over {@code days} days starting {@code fromDay} days after {@code firstDay}. */
    public double demandOver(int fromDay, int days) {
        if (fromDay < 0 || days < 0 || fromDay + days > daily.size()) {
            throw new RuleViolation("beyond-forecast", "Days " + fromDay + ".." + (fromDay + days)
                    + " are not all within the forecast's " + daily.size() + " days");
        }
        return daily.subList(fromDay, fromDay + days).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double[] demandOf(SalesSeries history, int horizonDays) {
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            throw new RuleViolation("horizon-out-of-range",
                    "A forecast looks 1 to " + MAX_HORIZON_DAYS + " days ahead, not " + horizonDays);
        }
        if (history.length() < 2) {
            throw new RuleViolation("history-too-short", "A forecast needs at least two days of history");
        }
        return history.demand();
    }

    private static DemandForecast forecast(SalesSeries history, double[] y, Smoothing weights, int horizonDays) {
        boolean seasonal = y.length >= HOLT_WINTERS_MIN_DAYS;
        Smoothers.Pass pass = seasonal ? Smoothers.holtWinters(y, weights) : Smoothers.simple(y, weights);
        Double[] ahead = new Double[horizonDays];
        for (int h = 1; h <= horizonDays; h++) {
            ahead[h - 1] = Math.max(0, pass.forecast(h));
        }
        return new DemandForecast(
                seasonal ? Method.HOLT_WINTERS : Method.SIMPLE_EXPONENTIAL_SMOOTHING,
                weights, history.to().plusDays(1), Arrays.asList(ahead),
                Arrays.stream(pass.oneStepAhead()).boxed().toList(),
                Math.sqrt(pass.sse() / pass.residuals()));
    }
}
