package io.quarkmall.stock.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stock.service.ReturnService.Putback;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where returned units go: the warehouses the order's units left, each up to what it has not had back yet. */
class ReturnPutbacksTest {

    private static Map<String, Long> left(Object... warehouseAndUnits) {
        var left = new LinkedHashMap<String, Long>();
        for (int i = 0; i < warehouseAndUnits.length; i += 2) {
            left.put((String) warehouseAndUnits[i], ((Number) warehouseAndUnits[i + 1]).longValue());
        }
        return left;
    }

    @Test
    void units_fill_the_warehouses_in_the_order_they_left_each_up_to_what_it_has_not_had_back() {
        assertEquals(List.of(new Putback("SH", 6), new Putback("DEFAULT", 1)), ReturnService.putbacks(7, left("SH", 6, "DEFAULT", 2)));
        // a second return after one unit went back to SH: SH has 5 left to take, then DEFAULT
        assertEquals(List.of(new Putback("DEFAULT", 2)), ReturnService.putbacks(2, left("SH", 0, "DEFAULT", 2)));
        assertEquals(List.of(new Putback("SH", 1)), ReturnService.putbacks(1, left("SH", 5, "DEFAULT", 2)));
    }

    @Test
    void more_back_than_the_order_shows_goes_to_the_first_warehouse_and_nothing_known_puts_nothing_back() {
        assertEquals(List.of(new Putback("SH", 3)), ReturnService.putbacks(3, left("SH", 1, "DEFAULT", 0)));
        assertEquals(List.of(new Putback("SH", 1)), ReturnService.putbacks(1, left("SH", -1)));
        assertEquals(List.of(), ReturnService.putbacks(2, left()));
    }
}
