package io.quarkmall.stock.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlashSaleTest {

    private final Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final Money price = new Money(990, "CNY");

    private FlashSale.Terms terms(Instant start, Instant end, int quantity, int limit) {
        return new FlashSale.Terms("SKU-1", quantity, price, start, end, limit);
    }

    private String refusal(FlashSale.Terms terms) {
        return assertThrows(RuleViolation.class, () -> FlashSale.schedule(terms, "m", now)).type();
    }

    @Test
    void a_sale_has_phases_by_the_clock() {
        var sale = FlashSale.schedule(terms(now.plusSeconds(60), now.plusSeconds(120), 10, 1), "m", now);
        assertEquals(FlashSale.Phase.UPCOMING, sale.phaseAt(now));
        assertEquals(FlashSale.Phase.LIVE, sale.phaseAt(now.plusSeconds(60)));
        assertEquals(FlashSale.Phase.ENDED, sale.phaseAt(now.plusSeconds(120)));
    }

    @Test
    void a_sale_must_start_in_the_future_end_after_it_starts_and_last_at_most_a_week() {
        assertEquals("flash-sale-starts-in-the-past", refusal(terms(now, now.plusSeconds(60), 1, 1)));
        Instant farthest = now.plus(FlashSale.FARTHEST_AHEAD);
        FlashSale.schedule(terms(farthest, farthest.plusSeconds(60), 1, 1), "m", now);
        assertEquals("flash-sale-too-far-ahead", refusal(terms(farthest.plusSeconds(1), farthest.plusSeconds(60), 1, 1)));
        Instant yearThreeHundredThousand = Instant.parse("+300000-01-01T00:00:00Z");
        assertEquals("flash-sale-too-far-ahead", refusal(terms(yearThreeHundredThousand, yearThreeHundredThousand.plusSeconds(3600), 1, 1)));
        assertEquals("flash-sale-ends-before-it-starts", refusal(terms(now.plusSeconds(60), now.plusSeconds(60), 1, 1)));
        assertEquals("flash-sale-too-long", refusal(terms(now.plusSeconds(1), now.plusSeconds(1).plus(FlashSale.LONGEST)
                .plusSeconds(1), 1, 1)));
        assertEquals("flash-sale-quantity-not-positive", refusal(terms(now.plusSeconds(1), now.plusSeconds(2), 0, 1)));
        assertEquals("flash-sale-quantity-not-positive", refusal(terms(now.plusSeconds(1), now.plusSeconds(2), 1, 0)));
    }

    @Test
    void a_ticket_is_ordered_then_paid_or_returned_once() {
        var paid = new FlashSaleTicket(UUID.randomUUID(), 1, "s", now, now);
        assertThrows(RuleViolation.class, () -> paid.paid(now), "not ordered yet");
        paid.ordered(42, now);
        assertThrows(RuleViolation.class, () -> paid.ordered(43, now), "ordered once");
        paid.paid(now);
        assertFalse(paid.returnToSale(now), "a paid unit stays sold");

        var cancelled = new FlashSaleTicket(UUID.randomUUID(), 1, "s", now, now);
        cancelled.ordered(44, now);
        assertTrue(cancelled.returnToSale(now));
        assertFalse(cancelled.returnToSale(now), "returned once");
        assertEquals(FlashSaleTicket.Status.RETURNED, cancelled.status());
    }
}
