package io.quarkmall.stock.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stack.testing.EntityState;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockMovement.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each movement does to a SKU's stock in a warehouse (10 on hand, 4 reserved), the movement it
 * records, and the low-stock alert raised once per crossing. Plain Java, no database.
 */
class WarehouseStockStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Entry ENTRY = new Entry("test", "ref-1", "merchant-1");

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource(textBlock = """
            # kind,           units, on hand, reserved, movement quantity or refusal
            RECEIPT,          5,     15, 4, 5
            RETURN_TO_STOCK,  2,     12, 4, 2
            TRANSFER_IN,      1,     11, 4, 1
            ADJUSTMENT,       -6,    4,  4, -6
            ADJUSTMENT,       -7,    10, 4, refused: below-reserved
            ADJUSTMENT,       3,     13, 4, 3
            SALE,             4,     6,  0, -4
            SALE,             5,     10, 4, refused: not-held
            TRANSFER_OUT,     3,     7,  1, -3
            """)
    void a_movement_changes_on_hand_by_its_signed_quantity(Kind kind, long units, long onHand, long reserved,
                                                           String outcome) {
        WarehouseStock stock = stock(10, 4);

        if (outcome.startsWith("refused: ")) {
            var refused = assertThrows(RuleViolation.class, () -> stock.record(kind, units, ENTRY, NOW));
            assertEquals(outcome.substring("refused: ".length()), refused.type());
        } else {
            StockMovement movement = stock.record(kind, units, ENTRY, NOW);
            assertEquals(Long.parseLong(outcome), movement.quantity());
            assertEquals(kind, movement.kind());
            assertEquals("WH-1", movement.warehouseCode());
        }
        assertEquals(onHand, stock.onHand(), "on hand");
        assertEquals(reserved, stock.reserved(), "reserved");
    }

    @Test
    void a_count_records_the_difference_and_nothing_when_it_agrees() {
        WarehouseStock stock = stock(10, 4);
        assertTrue(stock.count(10, ENTRY, NOW).isEmpty());
        assertEquals(-3, stock.count(7, ENTRY, NOW).orElseThrow().quantity());
        assertEquals(7, stock.onHand());
        assertEquals("below-reserved", assertThrows(RuleViolation.class, () -> stock.count(3, ENTRY, NOW)).type());
    }

    @Test
    void holding_more_than_is_available_is_refused_and_releasing_more_than_is_held_too() {
        WarehouseStock stock = stock(10, 4);
        assertEquals("not-enough-stock", assertThrows(RuleViolation.class, () -> stock.hold(7, NOW)).type());
        stock.hold(6, NOW);
        assertEquals(0, stock.available());
        assertEquals("not-held", assertThrows(RuleViolation.class, () -> stock.unhold(11, NOW)).type());
        stock.unhold(10, NOW);
        assertEquals(10, stock.available());
    }

    @Test
    void units_in_transit_land_on_the_shelf_only_when_received() {
        WarehouseStock stock = stock(10, 4);
        stock.expect(5, NOW);
        assertEquals(6, stock.available(), "inbound units are not available");
        assertEquals("not-in-transit", assertThrows(RuleViolation.class,
                () -> stock.receiveTransfer(6, ENTRY, NOW)).type());
        assertEquals(5, stock.receiveTransfer(5, ENTRY, NOW).quantity());
        assertEquals(0, stock.inbound());
        assertEquals(15, stock.onHand());
    }

    @Test
    void falling_to_the_threshold_alerts_once_per_crossing_and_rising_above_rearms_it() {
        WarehouseStock stock = stock(10, 4);
        assertFalse(stock.crossedLowThreshold(), "no threshold, no alert");
        stock.alertAt(3L, NOW);
        assertFalse(stock.crossedLowThreshold(), "6 available is above 3");

        stock.hold(3, NOW);
        assertTrue(stock.crossedLowThreshold(), "3 available: crossed");
        stock.hold(2, NOW);
        assertFalse(stock.crossedLowThreshold(), "1 available: the same crossing");

        stock.unhold(5, NOW);
        assertFalse(stock.crossedLowThreshold(), "6 available: above again, re-armed");
        stock.record(Kind.ADJUSTMENT, -4, ENTRY, NOW);
        assertTrue(stock.crossedLowThreshold(), "2 available: a new crossing");
    }

    /** The row as the table holds it. */
    static WarehouseStock stock(long onHand, long reserved) {
        var stock = new WarehouseStock();
        EntityState.set(stock, "sku", "SKU-1");
        EntityState.set(stock, "warehouseCode", "WH-1");
        EntityState.set(stock, "onHand", onHand);
        EntityState.set(stock, "reserved", reserved);
        return stock;
    }
}
