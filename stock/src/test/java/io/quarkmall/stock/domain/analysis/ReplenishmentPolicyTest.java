package io.quarkmall.stock.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.analysis.DemandForecast.Method;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Position;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Suggestion;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Terms;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** On a forecast of a steady 10 units a day, with the deviation each row gives. */
class ReplenishmentPolicyTest {

    private static DemandForecast tenADay(double residualSd, int days) {
        return new DemandForecast(Method.SIMPLE_EXPONENTIAL_SMOOTHING, new Smoothing(0.5, 0, 0),
                Histories.MONDAY, Collections.nCopies(days, 10.0), List.of(), residualSd);
    }

    private static Suggestion suggest(double sd, int lead, int review, double service, long onHand, long onOrder,
                                      long reserved) {
        return ReplenishmentPolicy.suggest(tenADay(sd, 60), new Terms(lead, review, new ServiceLevel(service)),
                new Position(onHand, onOrder, reserved));
    }

    @ParameterizedTest(name = "σ {0}, lead {1}, review {2}, service {3}, position {4}+{5}-{6} -> safety {7}, reorder at {8}, order {9}")
    @CsvSource(textBlock = """
            # σ, lead, review, service, on hand, on order, reserved, safety stock, reorder point, quantity
            2,  4, 7, 0.95, 30,  10, 5,  6.5794,  46.5794,  82
            2,  4, 7, 0.95, 200, 0,  0,  6.5794,  46.5794,  0
            2,  4, 7, 0.95, 116, 0,  0,  6.5794,  46.5794,  1
            2,  4, 7, 0.95, 117, 0,  0,  6.5794,  46.5794,  0
            2,  0, 7, 0.95, 0,   0,  0,  0,       0,        70
            2,  4, 7, 0.5,  0,   0,  0,  0,       40,       110
            2,  4, 7, 0.3,  0,   0,  0,  0,       40,       110
            2,  9, 0, 0.99, 0,   0,  0,  13.9581, 103.9581, 104
            2,  4, 7, 0.95, 5,   0,  10, 6.5794,  46.5794,  122
            0,  4, 7, 0.95, 10,  0,  0,  0,       40,       100
            """)
    void the_reorder_point_covers_the_lead_time_and_the_order_tops_up_to_it_plus_the_review_period(
            double sd, int lead, int review, double service, long onHand, long onOrder, long reserved,
            double safetyStock, double reorderPoint, long quantity) {
        Suggestion suggestion = suggest(sd, lead, review, service, onHand, onOrder, reserved);

        assertAll(
                () -> assertEquals(10.0 * lead, suggestion.demandOverLeadTime(), 1e-9),
                () -> assertEquals(10.0 * review, suggestion.demandOverReviewPeriod(), 1e-9),
                () -> assertEquals(safetyStock, suggestion.safetyStock(), 1e-4),
                () -> assertEquals(reorderPoint, suggestion.reorderPoint(), 1e-4),
                () -> assertEquals(onHand + onOrder - reserved, suggestion.position()),
                () -> assertEquals(quantity, suggestion.quantity()));
    }

    @Test
    void the_suggestion_explains_itself_in_one_line() {
        assertEquals("Order 82: reorder point 46.6 = 40.0 forecast over a 4-day lead time + 6.6 safety stock"
                        + " (z 1.64 for 95% service × σ 2.00/day × √4); plus 70.0 over the 7-day review period,"
                        + " less position 35 (30 on hand + 10 on order − 5 reserved)",
                suggest(2, 4, 7, 0.95, 30, 10, 5).explanation());
    }

    @ParameterizedTest(name = "lead {0}, review {1} -> {2}")
    @CsvSource(textBlock = """
            -1, 7,   lead-time-out-of-range
            366, 7,  lead-time-out-of-range
            4,  -1,  review-period-out-of-range
            4,  366, review-period-out-of-range
            """)
    void a_negative_or_unbounded_lead_time_or_review_period_is_refused(int lead, int review, String type) {
        var refused = assertThrows(RuleViolation.class, () -> new Terms(lead, review, new ServiceLevel(0.95)));
        assertEquals(type, refused.type());
    }

    @Test
    void a_forecast_shorter_than_the_lead_time_and_review_period_is_refused() {
        var refused = assertThrows(RuleViolation.class, () -> ReplenishmentPolicy.suggest(tenADay(2, 10),
                new Terms(4, 7, new ServiceLevel(0.95)), new Position(0, 0, 0)));
        assertEquals("forecast-too-short", refused.type());
    }

    @ParameterizedTest(name = "on hand {0}, on order {1}, reserved {2} is refused")
    @CsvSource(textBlock = """
            -1, 0,  0
            0,  -1, 0
            0,  0,  -1
            """)
    void negative_stock_figures_are_refused(long onHand, long onOrder, long reserved) {
        var refused = assertThrows(RuleViolation.class, () -> new Position(onHand, onOrder, reserved));
        assertEquals("units-negative", refused.type());
    }

    @Test
    void a_forecast_of_negative_demand_or_deviation_is_refused() {
        assertEquals("forecast-invalid", assertThrows(RuleViolation.class, () -> tenADay(-1, 7)).type());
        assertEquals("forecast-invalid", assertThrows(RuleViolation.class, () -> new DemandForecast(
                Method.HOLT_WINTERS, new Smoothing(0.5, 0.5, 0.5), Histories.MONDAY, List.of(-1.0), List.of(), 0)).type());
    }
}
