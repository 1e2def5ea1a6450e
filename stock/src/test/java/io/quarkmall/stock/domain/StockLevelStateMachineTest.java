package io.quarkmall.stock.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stack.testing.EntityState;
import io.quarkmall.stock.domain.StockReservation.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each change does to a SKU's level (10 on hand, 4 reserved, 3 of them for the order under
 * test): a change in one of its warehouses, a hold, and settling the order's reservation from each
 * of its statuses. A refused change leaves the level as it was. Plain Java, no database.
 */
class StockLevelStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest(name = "moving on hand by {0} and reserved by {1} (10 and 4) -> {2}")
    @CsvSource(textBlock = """
            2,   0,  12 4
            -6,  0,  4 4
            -7,  0,  refused: below-reserved
            -10, 0,  refused: below-reserved
            0,   6,  10 10
            0,   7,  refused: below-reserved
            -3,  -3, 7 1
            0,   -5, refused: below-reserved
            """)
    void a_warehouse_change_never_leaves_less_on_hand_than_is_reserved(long onHandChange, long reservedChange,
                                                                       String outcome) {
        StockLevel level = level(10, 4);

        if (outcome.startsWith("refused: ")) {
            var refused = assertThrows(RuleViolation.class, () -> level.moved(onHandChange, reservedChange, NOW));
            assertEquals(outcome.substring("refused: ".length()), refused.type());
            assertLevel(level, 10, 4);
        } else {
            level.moved(onHandChange, reservedChange, NOW);
            String[] expected = outcome.split(" ");
            assertLevel(level, Long.parseLong(expected[0]), Long.parseLong(expected[1]));
        }
    }

    @Test
    void holding_more_than_is_available_is_refused() {
        StockLevel level = level(10, 4);
        var refused = assertThrows(RuleViolation.class, () -> level.hold(42, 7, NOW));
        assertEquals("not-enough-stock", refused.type());
        assertLevel(level, 10, 4);
    }

    @Test
    void holding_all_that_is_available_reserves_it() {
        StockLevel level = level(10, 4);
        assertEquals(Status.HELD, level.hold(42, 6, NOW).status());
        assertLevel(level, 10, 10);
    }

    enum Settle {
        CONFIRM, RELEASE, RESTOCK;

        void apply(StockLevel level, StockReservation reservation) {
            switch (this) {
                case CONFIRM -> level.confirm(reservation, NOW);
                case RELEASE -> level.release(reservation, NOW);
                case RESTOCK -> level.restock(reservation, NOW);
            }
        }
    }

    @ParameterizedTest(name = "reservation {0} + {1} -> {2} on hand, {3} reserved, {4}")
    @CsvSource(textBlock = """
            # reservation, step, on hand, reserved, reservation after or refusal
            HELD,      CONFIRM, 7,  1, CONFIRMED
            HELD,      RELEASE, 10, 1, RELEASED
            HELD,      RESTOCK, 10, 4, refused: reservation-not-confirmed
            CONFIRMED, CONFIRM, 7,  1, refused: reservation-closed
            CONFIRMED, RELEASE, 7,  1, refused: reservation-closed
            CONFIRMED, RESTOCK, 10, 1, RESTOCKED
            RELEASED,  CONFIRM, 10, 1, refused: reservation-closed
            RELEASED,  RELEASE, 10, 1, refused: reservation-closed
            RELEASED,  RESTOCK, 10, 1, refused: reservation-not-confirmed
            RESTOCKED, CONFIRM, 10, 1, refused: reservation-closed
            RESTOCKED, RELEASE, 10, 1, refused: reservation-closed
            RESTOCKED, RESTOCK, 10, 1, refused: reservation-not-confirmed
            """)
    void settling_a_reservation_moves_its_units_once(Status from, Settle step, long onHand, long reserved,
                                                     String outcome) {
        StockLevel level = level(10, 4);
        StockReservation reservation = new StockReservation(42, "SKU-1", 3, NOW);
        switch (from) {
            case HELD -> { }
            case CONFIRMED -> level.confirm(reservation, NOW);
            case RELEASED -> level.release(reservation, NOW);
            case RESTOCKED -> {
                level.confirm(reservation, NOW);
                level.restock(reservation, NOW);
            }
        }

        if (outcome.startsWith("refused: ")) {
            var refused = assertThrows(RuleViolation.class, () -> step.apply(level, reservation));
            assertEquals(outcome.substring("refused: ".length()), refused.type());
            assertEquals(from, reservation.status());
        } else {
            step.apply(level, reservation);
            assertEquals(Status.valueOf(outcome), reservation.status());
        }
        assertLevel(level, onHand, reserved);
    }

    /** The SKU's row as the table holds it (announced() persists, so it cannot build it here). */
    private static StockLevel level(long onHand, long reserved) {
        var level = new StockLevel();
        EntityState.set(level, "sku", "SKU-1");
        EntityState.set(level, "merchantId", "merchant-1");
        EntityState.set(level, "onHand", onHand);
        EntityState.set(level, "reserved", reserved);
        return level;
    }

    private static void assertLevel(StockLevel level, long onHand, long reserved) {
        assertEquals(onHand, level.onHand(), "on hand");
        assertEquals(reserved, level.reserved(), "reserved");
        assertEquals(onHand - reserved, level.available(), "available");
    }
}
