package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkmall.cartorder.domain.OrderEvent.OrderAwaitingPayment;
import io.quarkmall.cartorder.domain.OrderEvent.OrderCancelled;
import io.quarkmall.cartorder.domain.OrderEvent.OrderFulfilling;
import io.quarkmall.cartorder.domain.OrderEvent.OrderPaid;
import io.quarkmall.cartorder.domain.OrderEvent.StockCompensation;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.stack.testing.EntityState;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A redemption in the points mall: its points are its price (no adjustment), held by loyalty like a
 * points payment; with no cash part it is PAID once stock and points are held, with one it awaits
 * payment of the cash alone. Plain Java.
 */
class RedemptionOrderStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Money NO_CASH = new Money(0, "CNY");
    private static final Money CASH = new Money(990, "CNY");

    private static Order redeemed(Money unitCash, int quantity, long points) {
        var order = Order.redeem("shopper-1", new Order.Item("MUG-1", "Mug", quantity, unitCash), points, NOW,
                NOW.plusSeconds(900));
        return EntityState.set(order, "id", 9L);
    }

    private static final Consumer<Order> STOCK = order -> order.stockReserved(NOW);
    private static final Consumer<Order> POINTS = order -> order.pointsHeld(NOW);
    private static final Consumer<Order> REFUSED = order -> order.pointsRefused("Not enough points", NOW);
    private static final Consumer<Order> PAID = order -> order.paid(NOW);
    private static final Consumer<Order> SHIPMENT = order -> order.fulfilling("TRK-9", "simulated", NOW);
    private static final Consumer<Order> STOCK_REJECTED = order -> order.stockRejected("Only 0 left", NOW);

    static Stream<Arguments> journeys() {
        return Stream.of(
                arguments("points alone: stock, then points", NO_CASH, List.of(STOCK, POINTS), OrderStatus.PAID,
                        List.of(OrderPaid.class)),
                arguments("points alone: points, then stock", NO_CASH, List.of(POINTS, STOCK), OrderStatus.PAID,
                        List.of(OrderPaid.class)),
                arguments("points alone: stock alone", NO_CASH, List.of(STOCK), OrderStatus.PENDING, List.of()),
                arguments("points alone: repeated facts", NO_CASH, List.of(POINTS, POINTS, STOCK, STOCK), OrderStatus.PAID,
                        List.of(OrderPaid.class)),
                arguments("points alone: ships like any order", NO_CASH, List.of(STOCK, POINTS, SHIPMENT),
                        OrderStatus.FULFILLING, List.of(OrderPaid.class, OrderFulfilling.class)),
                arguments("points alone: a late payment changes nothing", NO_CASH, List.of(STOCK, POINTS, PAID),
                        OrderStatus.PAID, List.of(OrderPaid.class)),
                arguments("points alone: refused", NO_CASH, List.of(STOCK, REFUSED), OrderStatus.CANCELLED,
                        List.of(OrderCancelled.class)),
                arguments("points alone: out of stock", NO_CASH, List.of(POINTS, STOCK_REJECTED), OrderStatus.CANCELLED,
                        List.of(OrderCancelled.class)),
                arguments("with cash: both held", CASH, List.of(STOCK, POINTS), OrderStatus.STOCK_RESERVED,
                        List.of(OrderAwaitingPayment.class)),
                arguments("with cash: paid", CASH, List.of(POINTS, STOCK, PAID), OrderStatus.PAID,
                        List.of(OrderAwaitingPayment.class, OrderPaid.class)),
                arguments("with cash: refused", CASH, List.of(REFUSED), OrderStatus.CANCELLED,
                        List.of(OrderCancelled.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void a_redemption_moves_like_an_order_its_points_pay(String journey, Money unitCash, List<Consumer<Order>> facts,
                                                        OrderStatus status, List<Class<? extends OrderEvent>> announced) {
        Order order = redeemed(unitCash, 2, 1_000);
        assertEquals(announced, PointsOrderStateMachineTest.announcedAfter(order, facts));
        assertEquals(status, order.status());
    }

    @Test
    void a_redemption_costs_its_points_and_its_cash_with_nothing_taken_off() {
        Order order = redeemed(CASH, 2, 1_000);
        assertEquals(OrderKind.REDEMPTION, order.kind());
        assertEquals(1_000, order.pointsUsed());
        assertEquals(new Money(1_980, "CNY"), order.subtotal());
        assertEquals(NO_CASH, order.pointsDiscount());
        assertEquals(new Money(1_980, "CNY"), order.total());
        assertEquals("Redeemed for 1000 points", order.timeline().getFirst().note());
        STOCK.accept(order);
        POINTS.accept(order);
        assertEquals(new Money(1_980, "CNY"), ((OrderAwaitingPayment) order.takeEvents().getFirst()).total(),
                "pay is asked for the cash alone");
    }

    @Test
    void a_points_only_redemption_paid_then_cancelled_restocks_and_refunds_no_money() {
        Order order = redeemed(NO_CASH, 1, 500);
        STOCK.accept(order);
        POINTS.accept(order);
        order.takeEvents();
        order.cancelByShopper(NOW);
        var cancelled = (OrderCancelled) order.takeEvents().getFirst();
        assertEquals(StockCompensation.RESTOCK, cancelled.compensation().stock());
        assertNull(cancelled.compensation().refund());
    }

    @Test
    void a_purchase_is_a_purchase() {
        var order = Order.place("shopper-1", List.of(new Order.Item("MUG-1", "Mug", 1, CASH)), NOW, NOW.plusSeconds(900));
        assertEquals(OrderKind.PURCHASE, order.kind());
    }

    @Test
    void a_redemption_without_points_is_refused() {
        assertEquals("redemption-without-points",
                assertThrows(RuleViolation.class, () -> redeemed(CASH, 1, 0)).type());
    }
}
