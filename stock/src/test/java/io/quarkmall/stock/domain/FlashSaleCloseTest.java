package io.quarkmall.stock.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlashSaleCloseTest {

    private final Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final Instant end = now.plusSeconds(120);

    private FlashSale sale() {
        return FlashSale.schedule(new FlashSale.Terms("SKU-1", 10, new Money(990, "CNY"), now.plusSeconds(60), end, 2),
                "m", now);
    }

    private static FlashSale.Tally tally(long sold, long held, long admitted, long undrained) {
        return new FlashSale.Tally(sold, held, admitted, undrained);
    }

    @Test
    void an_ended_sale_with_every_ticket_ordered_or_returned_gives_back_what_it_neither_sold_nor_holds() {
        var sale = sale();
        assertEquals(6, sale.close(tally(3, 1, 0, 0), end));
        assertTrue(sale.closed());
        assertEquals(6, sale.unitsReturnedToShop().orElseThrow());
        assertEquals(end, sale.closedAt());
    }

    @Test
    void a_sale_does_not_close_before_its_end_while_a_ticket_may_still_become_an_order_or_twice() {
        var sale = sale();
        assertTrue(sale.openReason(tally(0, 0, 0, 0), end.minusMillis(1)).isPresent(), "not ended");
        assertTrue(sale.openReason(tally(1, 0, 1, 0), end).isPresent(), "an admitted ticket without an order");
        assertTrue(sale.openReason(tally(1, 0, 0, 1), end).isPresent(), "a ticket still in Redis's stream");
        assertEquals("flash-sale-not-closable", assertThrows(RuleViolation.class,
                () -> sale.close(tally(1, 0, 1, 0), end)).type());
        assertFalse(sale.closed());
        assertEquals(10, sale.close(tally(0, 0, 0, 0), end), "nobody bought: every unit back");
        assertEquals("flash-sale-not-closable", assertThrows(RuleViolation.class,
                () -> sale.close(tally(0, 0, 0, 0), end)).type(), "closed once");
    }

    @Test
    void a_tally_of_more_units_than_the_sale_has_is_refused_not_closed() {
        var sale = sale();
        assertEquals("flash-sale-oversold", assertThrows(RuleViolation.class, () -> sale.close(tally(8, 3, 0, 0), end)).type());
        assertFalse(sale.closed());
    }
}
