package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.cartorder.domain.OrderEvent.OrderAwaitingPayment;
import io.quarkmall.cartorder.domain.OrderEvent.OrderCancelled;
import io.quarkmall.cartorder.domain.OrderEvent.OrderPaid;
import io.quarkmall.cartorder.domain.OrderEvent.StockCompensation;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.stack.testing.EntityState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A flash-sale order: one unit at the sale's price, carrying its ticket, then the saga of any order:
 * stock holds, pay charges; unpaid by its deadline it is cancelled and its unit released (stock gives
 * it back to the sale). Plain Java.
 */
class FlashSaleOrderStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final UUID TICKET = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    private static final Money SALE_PRICE = new Money(990, "CNY");

    private static Order flashSale() {
        var order = Order.flashSale("shopper-1", new Order.Item("TEA-1", "Green tea", 1, SALE_PRICE), TICKET, NOW,
                NOW.plusSeconds(900));
        return EntityState.set(order, "id", 11L);
    }

    @Test
    void a_flash_sale_order_is_one_unit_at_the_sale_price_carrying_its_ticket() {
        Order order = flashSale();
        assertEquals(OrderKind.FLASH_SALE, order.kind());
        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(Optional.of(TICKET), order.flashSaleTicket());
        assertEquals(SALE_PRICE, order.total());
        assertEquals(SALE_PRICE, order.subtotal());
        assertEquals(List.of(), order.adjustments());
        assertEquals(0, order.pointsUsed());
        assertEquals(1, order.lines().getFirst().quantity());
        assertEquals("Flash sale: admitted with ticket " + TICKET, order.timeline().getFirst().note());
    }

    @Test
    void it_awaits_payment_once_stock_holds_its_unit_and_is_paid_like_any_order() {
        Order order = flashSale();
        order.stockReserved(NOW);
        assertEquals(OrderStatus.STOCK_RESERVED, order.status());
        order.paid(NOW);
        assertEquals(OrderStatus.PAID, order.status());
        var events = order.takeEvents();
        assertInstanceOf(OrderAwaitingPayment.class, events.get(0));
        assertInstanceOf(OrderPaid.class, events.get(1));
        assertEquals(2, events.size());
    }

    @Test
    void unpaid_by_its_deadline_it_is_cancelled_and_its_unit_released() {
        Order order = flashSale();
        order.stockReserved(NOW);
        order.takeEvents();
        assertEquals(true, order.cancelUnpaid(NOW.plusSeconds(901)));
        assertEquals(OrderStatus.CANCELLED, order.status());
        assertEquals(Optional.of(CancelReason.UNPAID_TIMEOUT), order.cancelReason());
        var cancelled = assertInstanceOf(OrderCancelled.class, order.takeEvents().getFirst());
        assertEquals(StockCompensation.RELEASE, cancelled.compensation().stock());
        assertEquals(false, order.cancelUnpaid(NOW.plusSeconds(902)), "once");
    }

    @Test
    void a_ticket_stock_refuses_cancels_the_order_with_nothing_to_give_back() {
        Order order = flashSale();
        order.stockRejected("Out of stock: TEA-1 (wanted 1, 0 left)", NOW);
        var cancelled = assertInstanceOf(OrderCancelled.class, order.takeEvents().getFirst());
        assertEquals(StockCompensation.NONE, cancelled.compensation().stock());
        assertEquals(Optional.of(CancelReason.STOCK_REJECTED), order.cancelReason());
        assertEquals(false, order.cancelUnpaid(NOW.plusSeconds(901)), "cancelled once");
    }

    @Test
    void a_sale_price_of_zero_is_paid_as_soon_as_stock_holds_the_unit() {
        var order = EntityState.set(Order.flashSale("shopper-1", new Order.Item("TEA-1", "Green tea", 1,
                Money.zero("CNY")), TICKET, NOW, NOW.plusSeconds(900)), "id", 12L);
        order.stockReserved(NOW);
        assertEquals(OrderStatus.PAID, order.status());
        assertInstanceOf(OrderPaid.class, order.takeEvents().getFirst());
    }

    @Test
    void a_flash_sale_order_needs_its_ticket_and_buys_one_unit() {
        var refused = assertThrows(RuleViolation.class, () -> Order.flashSale("shopper-1",
                new Order.Item("TEA-1", "Green tea", 1, SALE_PRICE), null, NOW, NOW.plusSeconds(900)));
        assertEquals("flash-sale-without-ticket", refused.type());
        refused = assertThrows(RuleViolation.class, () -> Order.flashSale("shopper-1",
                new Order.Item("TEA-1", "Green tea", 2, SALE_PRICE), TICKET, NOW, NOW.plusSeconds(900)));
        assertEquals("flash-sale-one-unit", refused.type());
    }

    @Test
    void other_orders_carry_no_ticket() {
        Order order = Order.place("shopper-1", List.of(new Order.Item("TEA-1", "Green tea", 2, SALE_PRICE)), NOW,
                NOW.plusSeconds(900));
        assertEquals(Optional.empty(), order.flashSaleTicket());
        assertEquals(OrderKind.PURCHASE, order.kind());
    }
}
