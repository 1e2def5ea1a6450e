package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.PrizePool;
import io.quarkmall.loyalty.domain.PrizeTable;
import io.quarkmall.loyalty.domain.PrizeTable.Slot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrizeTableTest {

    private static final Slot GOLD = new Slot(1, 3, 500);
    private static final Slot SILVER = new Slot(2, 2, 100);
    private static final PrizeTable TABLE = new PrizeTable(List.of(GOLD, SILVER), 5);

    @Test
    void rolls_land_on_the_prizes_in_listed_order_and_then_on_no_prize() {
        assertEquals(10, TABLE.totalWeight());
        for (long roll = 0; roll < 10; roll++) {
            Optional<Slot> expected = roll < 3 ? Optional.of(GOLD) : roll < 5 ? Optional.of(SILVER) : Optional.empty();
            assertEquals(expected, TABLE.landOn(roll), "roll " + roll);
        }
        assertThrows(RuleViolation.class, () -> TABLE.landOn(10));
        assertThrows(RuleViolation.class, () -> TABLE.landOn(-1));
    }

    @Test
    void without_a_no_prize_weight_every_roll_lands_on_a_prize() {
        var table = new PrizeTable(List.of(GOLD, SILVER), 0);
        for (long roll = 0; roll < table.totalWeight(); roll++) {
            assertEquals(true, table.landOn(roll).isPresent());
        }
    }

    @Test
    void odds_without_prizes_or_with_a_weight_of_zero_or_less_are_refused() {
        assertThrows(RuleViolation.class, () -> new PrizeTable(List.of(), 5));
        assertThrows(RuleViolation.class, () -> new PrizeTable(List.of(new Slot(1, 0, 5)), 5));
        assertThrows(RuleViolation.class, () -> new PrizeTable(List.of(new Slot(1, -3, 5)), 5));
        assertThrows(RuleViolation.class, () -> new PrizeTable(List.of(GOLD), -1));
    }

    @Test
    void a_prize_in_stock_and_within_the_budget_is_given_and_leaves_both() {
        var pool = new PrizePool(Map.of(1L, 2L, 2L, 5L), 1_000);
        assertEquals(Optional.of(GOLD), pool.give(Optional.of(GOLD)));
        assertEquals(1, pool.stockLeft(1));
        assertEquals(500, pool.budgetLeft());
    }

    @Test
    void a_prize_out_of_stock_falls_through_to_no_prize_and_takes_nothing() {
        var pool = new PrizePool(Map.of(1L, 1L, 2L, 5L), 10_000);
        pool.give(Optional.of(GOLD));
        assertEquals(Optional.empty(), pool.give(Optional.of(GOLD)));
        assertEquals(0, pool.stockLeft(1));
        assertEquals(9_500, pool.budgetLeft());
        assertEquals(Optional.of(SILVER), pool.give(Optional.of(SILVER)), "other prizes are still given");
    }

    @Test
    void a_prize_worth_more_than_the_budget_left_falls_through_to_no_prize() {
        var pool = new PrizePool(Map.of(1L, 10L, 2L, 10L), 599);
        assertEquals(Optional.of(GOLD), pool.give(Optional.of(GOLD)));
        assertEquals(Optional.empty(), pool.give(Optional.of(GOLD)), "99 left is less than 500");
        assertEquals(Optional.empty(), pool.give(Optional.of(SILVER)), "99 left is less than 100");
        assertEquals(99, pool.budgetLeft());
        assertEquals(9, pool.stockLeft(1));
        assertEquals(10, pool.stockLeft(2));
    }

    @Test
    void a_budget_exactly_equal_to_the_value_gives_the_prize() {
        var pool = new PrizePool(Map.of(2L, 10L), 100);
        assertEquals(Optional.of(SILVER), pool.give(Optional.of(SILVER)));
        assertEquals(0, pool.budgetLeft());
    }

    @Test
    void no_prize_stays_no_prize() {
        var pool = new PrizePool(Map.of(1L, 10L), 1_000);
        assertEquals(Optional.empty(), pool.give(Optional.empty()));
        assertEquals(1_000, pool.budgetLeft());
    }
}
