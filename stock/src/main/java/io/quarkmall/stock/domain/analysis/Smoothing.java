package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.domain.RuleViolation;

/**
 * How fast a forecast follows the latest days: {@code alpha} for the level, {@code beta} for the
 * trend, {@code gamma} for the weekly season, each from 0 (never moves) to 1 (only the latest day
 * counts). Simple exponential smoothing uses {@code alpha} alone.
 */
public record Smoothing(double alpha, double beta, double gamma) {

    public Smoothing {
        checkWeight("alpha", alpha);
        checkWeight("beta", beta);
        checkWeight("gamma", gamma);
    }

    private static void checkWeight(String name, double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new RuleViolation("smoothing-out-of-range", name + " must lie in [0, 1], not " + weight);
        }
    }
}
