package io.quarkmall.stock.domain.analysis;

import static io.quarkmall.stock.domain.analysis.Histories.MONDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesSeriesTest {

    private static DailySales sale(int day, long units, long revenueMinor) {
        return new DailySales(MONDAY.plusDays(day), units, new Money(revenueMinor, "CNY"));
    }

    @Test
    void days_without_a_sale_count_as_zero_and_sales_of_one_day_add_up() {
        var series = SalesSeries.of("SKU-1", MONDAY, MONDAY.plusDays(4), "CNY",
                List.of(sale(3, 2, 398), sale(1, 5, 995), sale(3, 1, 199)));

        assertEquals(List.of(sale(0, 0, 0), sale(1, 5, 995), sale(2, 0, 0), sale(3, 3, 597), sale(4, 0, 0)),
                series.days());
        assertEquals(8, series.totalUnits());
        assertEquals(new Money(1592, "CNY"), series.totalRevenue());
        assertEquals(MONDAY.plusDays(4), series.to());
        assertEquals(5, series.length());
    }

    @Test
    void a_period_of_one_day_with_no_sales_is_one_quiet_day() {
        var series = SalesSeries.of("SKU-1", MONDAY, MONDAY, "CNY", List.of());
        assertEquals(List.of(sale(0, 0, 0)), series.days());
    }

    @Test
    void a_sale_outside_the_period_is_refused() {
        var refused = assertThrows(RuleViolation.class, () ->
                SalesSeries.of("SKU-1", MONDAY, MONDAY.plusDays(6), "CNY", List.of(sale(7, 1, 100))));
        assertEquals("sale-outside-period", refused.type());
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        var refused = assertThrows(RuleViolation.class, () ->
                SalesSeries.of("SKU-1", MONDAY, MONDAY.minusDays(1), "CNY", List.of()));
        assertEquals("period-reversed", refused.type());
    }

    @Test
    void a_period_longer_than_ten_years_is_refused() {
        var refused = assertThrows(RuleViolation.class, () ->
                SalesSeries.of("SKU-1", MONDAY, MONDAY.plusDays(SalesSeries.MAX_DAYS), "CNY", List.of()));
        assertEquals("period-too-long", refused.type());
    }

    @Test
    void revenue_in_another_currency_is_refused() {
        var dollars = new DailySales(MONDAY, 1, new Money(100, "USD"));
        var refused = assertThrows(RuleViolation.class, () ->
                SalesSeries.of("SKU-1", MONDAY, MONDAY, "CNY", List.of(dollars)));
        assertEquals("mixed-currencies", refused.type());
    }

    @Test
    void negative_units_sold_are_refused() {
        var refused = assertThrows(RuleViolation.class, () -> sale(0, -1, 0));
        assertEquals("units-negative", refused.type());
    }
}
