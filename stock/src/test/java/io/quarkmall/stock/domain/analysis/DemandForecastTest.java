package io.quarkmall.stock.domain.analysis;

import static io.quarkmall.stock.domain.analysis.Histories.trueMean;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.analysis.DemandForecast.Method;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Position;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Terms;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The synthetic seller sells 20 units a day, half a unit more each day, with a weekly pattern
 * from -6 (Monday) to +8 (Saturday): what a forecast has to find.
 */
class DemandForecastTest {

    private static final int WEEKS_16 = 112;

    @Test
    void a_noise_free_trend_and_weekly_season_are_forecast_exactly() {
        long[] units = IntStream.range(0, 28).mapToLong(t -> Math.round(2 * trueMean(t))).toArray();
        var history = Histories.of(units); // 40 + t + 2·pattern: whole units with no rounding

        for (var forecast : List.of(DemandForecast.fit(history, 14),
                DemandForecast.withSmoothing(history, new Smoothing(0.3, 0.1, 0.2), 14))) {
            assertEquals(Method.HOLT_WINTERS, forecast.method());
            assertEquals(0, forecast.residualSd(), 1e-9);
            for (int h = 0; h < 14; h++) {
                assertEquals(2 * trueMean(28 + h), forecast.daily().get(h), 1e-9, "day " + h);
            }
        }
    }

    /*
     * The done-when test of issue 13. Tolerances, from 1,000 seeds of this history: the worst
     * day's error had p99 2.7 units, while a forecast without the weekly pattern misses Saturdays
     * by 8 and one without the trend misses day 14 by about 7; the reorder point's relative error
     * had p99 2.1%; σ lay in 1.69..2.32 (p1..p99) around the true 2.02, hence 25% on σ and on the
     * safety stock it gives.
     */
    @Test
    void sixteen_noisy_weeks_forecast_each_day_within_3_units_and_the_reorder_point_within_3_percent() {
        var history = Histories.synthetic(WEEKS_16, 2.0, 13);
        var forecast = DemandForecast.fit(history, 14);

        double trueSd = Math.sqrt(4 + 1.0 / 12); // the noise, and rounding to whole units
        assertEquals(Method.HOLT_WINTERS, forecast.method());
        assertEquals(trueSd, forecast.residualSd(), 0.25 * trueSd);
        for (int h = 0; h < 14; h++) {
            assertEquals(trueMean(WEEKS_16 + h), forecast.daily().get(h), 3.0, "day " + h);
        }

        var terms = new Terms(7, 7, new ServiceLevel(0.95));
        var suggestion = ReplenishmentPolicy.suggest(forecast, terms, new Position(0, 0, 0));
        double trueLeadDemand = IntStream.range(WEEKS_16, WEEKS_16 + 7).mapToDouble(Histories::trueMean).sum();
        double trueSafety = 1.6448536 * trueSd * Math.sqrt(7);
        assertAll(
                () -> assertEquals(trueSafety, suggestion.safetyStock(), 0.25 * trueSafety),
                () -> assertEquals(trueLeadDemand + trueSafety, suggestion.reorderPoint(),
                        0.03 * (trueLeadDemand + trueSafety)));
    }

    @ParameterizedTest(name = "{0} days of history -> {1}")
    @CsvSource(textBlock = """
            2,  SIMPLE_EXPONENTIAL_SMOOTHING
            13, SIMPLE_EXPONENTIAL_SMOOTHING
            14, HOLT_WINTERS
            """)
    void holt_winters_needs_two_whole_weeks(int days, Method method) {
        assertEquals(method, DemandForecast.fit(Histories.synthetic(days, 2.0, 7), 7).method());
    }

    @Test
    void a_steady_seller_with_a_short_history_is_forecast_flat_with_no_deviation() {
        var forecast = DemandForecast.fit(Histories.of("5 5 5 5 5 5 5 5 5 5"), 3);
        assertEquals(List.of(5.0, 5.0, 5.0), forecast.daily());
        assertEquals(0, forecast.residualSd());
    }

    @Test
    void simple_smoothing_predicts_each_day_from_the_days_before() {
        var forecast = DemandForecast.withSmoothing(Histories.of("10 20"), new Smoothing(0.5, 0, 0), 2);
        assertEquals(List.of(10.0, 10.0), forecast.oneStepAhead());
        assertEquals(List.of(15.0, 15.0), forecast.daily());
        assertEquals(10.0, forecast.residualSd()); // one error of 10
        assertEquals(Histories.MONDAY.plusDays(2), forecast.firstDay());
    }

    @Test
    void a_falling_seller_is_never_forecast_below_zero_units() {
        var forecast = DemandForecast.fit(Histories.of(
                IntStream.range(0, 21).mapToLong(t -> 100 - 4L * t).toArray()), 30);
        assertTrue(forecast.daily().stream().allMatch(units -> units >= 0), forecast.daily()::toString);
        assertEquals(0.0, forecast.daily().get(29));
        assertEquals(16.0, forecast.daily().get(0), 1e-9);
    }

    @ParameterizedTest(name = "{0} days of history, {1} days ahead -> {2}")
    @CsvSource(textBlock = """
            1,  7,   history-too-short
            14, 0,   horizon-out-of-range
            14, -1,  horizon-out-of-range
            14, 731, horizon-out-of-range
            """)
    void a_forecast_without_history_or_horizon_is_refused(int days, int horizon, String type) {
        var history = Histories.synthetic(days, 2.0, 7);
        var refused = assertThrows(RuleViolation.class, () -> DemandForecast.fit(history, horizon));
        assertEquals(type, refused.type());
    }

    @ParameterizedTest(name = "alpha {0}, beta {1}, gamma {2} is refused")
    @CsvSource(textBlock = """
            -0.1, 0.1,  0.1
            1.1,  0.1,  0.1
            0.1,  -0.1, 0.1
            0.1,  0.1,  1.5
            NaN,  0.1,  0.1
            """)
    void smoothing_weights_outside_zero_to_one_are_refused(double alpha, double beta, double gamma) {
        var refused = assertThrows(RuleViolation.class, () -> new Smoothing(alpha, beta, gamma));
        assertEquals("smoothing-out-of-range", refused.type());
    }

    @Test
    void demand_beyond_the_forecast_is_refused() {
        var forecast = DemandForecast.fit(Histories.of("5 5 5"), 7);
        assertEquals(35.0, forecast.demandOver(0, 7));
        var refused = assertThrows(RuleViolation.class, () -> forecast.demandOver(3, 5));
        assertEquals("beyond-forecast", refused.type());
    }
}
