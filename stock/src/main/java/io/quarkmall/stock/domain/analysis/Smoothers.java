package io.quarkmall.stock.domain.analysis;

import java.util.Arrays;

/**
 * The arithmetic of additive Holt-Winters (level, trend, season of {@link #SEASON} days) and of
 * simple exponential smoothing: one pass over the history gives the one-step-ahead predictions,
 * their squared errors and the state a forecast continues from.
 */
final class Smoothers {

    static final int SEASON = 7;

    /** What one pass leaves: predictions of each past day from the days before it, and the final state. */
    record Pass(double[] oneStepAhead, double sse, int residuals, double level, double trend, double[] season) {

        /** The prediction {@code h} days after the last day of history (h = 1 is the next day). */
        double forecast(int h) {
            int n = oneStepAhead.length;
            return season == null ? level : level + h * trend + season[(n - 1 + h) % SEASON];
        }
    }

    private Smoothers() {
    }

    /**
     * Holt-Winters from initial values read off the whole seasons of the history (at least two):
     * the trend from the first and last season's means, each weekday's offset from its average
     * distance to its season's detrended mean. Exact for a noise-free linear trend plus a weekly
     * pattern, so any error comes from noise or a changing pattern.
     */
    static Pass holtWinters(double[] y, Smoothing w) {
        int seasons = y.length / SEASON;
        double[] means = new double[seasons];
        for (int k = 0; k < seasons; k++) {
            means[k] = Arrays.stream(y, k * SEASON, (k + 1) * SEASON).average().orElseThrow();
        }
        double middle = (SEASON - 1) / 2.0;
        double trend = (means[seasons - 1] - means[0]) / ((seasons - 1) * SEASON);
        double level = means[0] - trend * (middle + 1); // the level on the day before the first
        double[] season = initialSeason(y, means, trend, middle);

        double[] predicted = new double[y.length];
        double sse = 0;
        for (int t = 0; t < y.length; t++) {
            int day = t % SEASON;
            predicted[t] = level + trend + season[day];
            double error = y[t] - predicted[t];
            sse += error * error;
            double nextLevel = w.alpha() * (y[t] - season[day]) + (1 - w.alpha()) * (level + trend);
            trend = w.beta() * (nextLevel - level) + (1 - w.beta()) * trend;
            season[day] = w.gamma() * (y[t] - nextLevel) + (1 - w.gamma()) * season[day];
            level = nextLevel;
        }
        return new Pass(predicted, sse, y.length, level, trend, season);
    }

    private static double[] initialSeason(double[] y, double[] means, double trend, double middle) {
        double[] season = new double[SEASON];
        for (int day = 0; day < SEASON; day++) {
            for (int k = 0; k < means.length; k++) {
                season[day] += y[k * SEASON + day] - means[k] - trend * (day - middle);
            }
            season[day] /= means.length;
        }
        double offset = Arrays.stream(season).average().orElseThrow();
        return Arrays.stream(season).map(s -> s - offset).toArray();
    }

    /** Simple exponential smoothing from the first day; its prediction is the same for every day ahead. */
    static Pass simple(double[] y, Smoothing w) {
        double[] predicted = new double[y.length];
        double level = y[0];
        predicted[0] = y[0];
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
            predicted[t] = level;
            double error = y[t] - level;
            sse += error * error;
            level = w.alpha() * y[t] + (1 - w.alpha()) * level;
        }
        return new Pass(predicted, sse, y.length - 1, level, 0, null);
    }
}
