package io.quarkmall.stock.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SalesPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }

    @Test
    void a_period_is_the_last_whole_days_ending_yesterday() {
        assertEquals(new SalesPeriod(daysAgo(90), daysAgo(1)), SalesPeriod.of(TODAY, 90, Optional.empty()));
        assertEquals(new SalesPeriod(daysAgo(90), daysAgo(1)), SalesPeriod.of(TODAY, 90, Optional.of(daysAgo(400))),
                "a SKU selling since before the period is read over all of it");
    }

    @Test
    void a_sku_first_sold_within_the_period_is_read_from_its_first_sale() {
        assertEquals(new SalesPeriod(daysAgo(20), daysAgo(1)), SalesPeriod.of(TODAY, 90, Optional.of(daysAgo(20))));
        assertEquals(new SalesPeriod(daysAgo(90), daysAgo(1)), SalesPeriod.of(TODAY, 90, Optional.of(TODAY)),
                "a first sale today is not in the period: it has sold nothing in it");
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 731, 0, -5})
    void a_period_spans_two_weeks_to_two_years(int days) {
        assertEquals("period-out-of-range",
                assertThrows(RuleViolation.class, () -> SalesPeriod.of(TODAY, days, Optional.empty())).type());
    }

    @Test
    void a_forecast_needs_the_sku_to_have_sold_for_the_minimum_of_whole_days() {
        assertEquals(new SalesPeriod(daysAgo(7), daysAgo(1)),
                SalesPeriod.toForecast("S", TODAY, 90, Optional.of(daysAgo(7)), 7));
        for (Optional<LocalDate> tooRecent : List.of(Optional.of(daysAgo(6)), Optional.of(TODAY),
                Optional.<LocalDate>empty())) {
            assertEquals("history-too-short", assertThrows(RuleViolation.class,
                    () -> SalesPeriod.toForecast("S", TODAY, 90, tooRecent, 7)).type(), tooRecent.toString());
        }
    }
}
