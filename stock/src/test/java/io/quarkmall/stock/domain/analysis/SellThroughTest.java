package io.quarkmall.stock.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SellThroughTest {

    @ParameterizedTest(name = "{0} sold, {1} left -> {2}")
    @CsvSource(textBlock = """
            # sold, left at the end, rate (empty: nothing to sell)
            30, 10, 0.75
            0,  10, 0
            10, 0,  1
            1,  2,  0.3333333333
            0,  0,
            """)
    void sell_through_is_the_share_sold_of_what_there_was(long sold, long left, Double rate) {
        OptionalDouble actual = new SellThrough(sold, left).rate();
        if (rate == null) {
            assertEquals(OptionalDouble.empty(), actual);
        } else {
            assertEquals(rate, actual.orElseThrow(), 1e-9);
        }
    }

    @ParameterizedTest(name = "{0} sold, {1} left is refused")
    @CsvSource(textBlock = """
            -1, 10
            10, -1
            """)
    void negative_units_are_refused(long sold, long left) {
        var refused = assertThrows(RuleViolation.class, () -> new SellThrough(sold, left));
        assertEquals("units-negative", refused.type());
    }
}
