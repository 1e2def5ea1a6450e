package io.quarkmall.stock.domain;

import static io.quarkmall.stock.domain.WarehouseStockStateMachineTest.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stack.testing.EntityState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MOST_STOCK: the warehouse with the most available holds a reservation, the next ones what it lacks. */
class AllocationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void the_warehouse_with_most_available_holds_the_whole_line_when_it_can() {
        var small = in("A", stock(5, 0));
        var large = in("B", stock(20, 12));
        var largest = in("C", stock(9, 0));
        var allocations = AllocationPolicy.MOST_STOCK.allocate(reservation(6), List.of(small, large, largest), NOW);
        assertEquals(List.of("C 6"), describe(allocations));
        assertEquals(6, largest.reserved());
        assertEquals(0, small.reserved());
    }

    @Test
    void a_line_larger_than_any_warehouse_is_split_from_the_largest_down() {
        var a = in("A", stock(5, 0));
        var b = in("B", stock(8, 2));
        var c = in("C", stock(3, 0));
        var allocations = AllocationPolicy.MOST_STOCK.allocate(reservation(12), List.of(a, b, c), NOW);
        assertEquals(List.of("B 6", "A 5", "C 1"), describe(allocations));
        assertEquals(List.of(0L, 0L, 2L), List.of(a.available(), b.available(), c.available()));
    }

    @Test
    void too_little_in_all_warehouses_is_refused() {
        assertThrows(RuleViolation.class, () -> AllocationPolicy.MOST_STOCK.allocate(reservation(9),
                List.of(in("A", stock(5, 0)), in("B", stock(3, 0))), NOW));
    }

    private static WarehouseStock in(String code, WarehouseStock stock) {
        return EntityState.set(stock, "warehouseCode", code);
    }

    private static StockReservation reservation(long units) {
        return EntityState.set(new StockReservation(42, "SKU-1", units, NOW), "id", 7L);
    }

    private static List<String> describe(List<StockAllocation> allocations) {
        return allocations.stream().map(a -> a.warehouseCode() + " " + a.quantity()).toList();
    }
}
