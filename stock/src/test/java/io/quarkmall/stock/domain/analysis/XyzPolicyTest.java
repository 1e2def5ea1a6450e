package io.quarkmall.stock.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.analysis.XyzPolicy.Thresholds;
import io.quarkmall.stock.domain.analysis.XyzPolicy.XyzClass;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XyzPolicyTest {

    @ParameterizedTest(name = "daily units {0} -> CV {1}, {4} at X < {2}, Y < {3}")
    @CsvSource(textBlock = """
            # units per day, coefficient of variation (empty: none), X ends, Y ends, class
            5 5 5 5,   0,            0.5, 1.0, X
            2 4,       0.3333333333, 0.5, 1.0, X
            1 3,       0.5,          0.5, 1.0, Y
            1 3 1 3,   0.5,          0.5, 1.0, Y
            0 2,       1.0,          0.5, 1.0, Z
            0 0 0 4,   1.7320508076, 0.5, 1.0, Z
            0 0 0 0,   ,             0.5, 1.0, Z
            2 4,       0.3333333333, 0.2, 0.4, Y
            1 3,       0.5,          0.2, 0.4, Z
            """)
    void demand_variability_makes_the_class(String units, Double cv, double x, double y, XyzClass expected) {
        var sales = Histories.of(units);
        OptionalDouble actual = XyzPolicy.coefficientOfVariation(sales);
        if (cv == null) {
            assertEquals(OptionalDouble.empty(), actual);
        } else {
            assertEquals(cv, actual.orElseThrow(), 1e-9);
        }
        assertEquals(expected, XyzPolicy.classify(sales, new Thresholds(x, y)));
    }

    @ParameterizedTest(name = "X ends at {0}, Y at {1} is refused")
    @CsvSource(textBlock = """
            0.5, 0.5
            1.0, 0.5
            0,   1.0
            0.5, Infinity
            NaN, 1.0
            """)
    void thresholds_out_of_order_are_refused(double x, double y) {
        var refused = assertThrows(RuleViolation.class, () -> new Thresholds(x, y));
        assertEquals("thresholds-out-of-order", refused.type());
    }
}
