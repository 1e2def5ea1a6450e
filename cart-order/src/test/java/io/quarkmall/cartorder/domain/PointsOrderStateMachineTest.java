package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkmall.cartorder.domain.OrderEvent.OrderAwaitingPayment;
import io.quarkmall.cartorder.domain.OrderEvent.OrderCancelled;
import io.quarkmall.cartorder.domain.OrderEvent.OrderPaid;
import io.quarkmall.cartorder.domain.OrderEvent.StockCompensation;
import io.quarkmall.cartorder.domain.PointsPaymentPolicy.PointsPayment;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.stack.testing.EntityState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An order that points pay part of: it awaits payment only once stock and points are both held,
 * in whichever order they arrive; refused points cancel it and release its stock. Plain Java.
 */
class PointsOrderStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Money UNIT_PRICE = new Money(10_000, "CNY");

    private static Order placedWith(long points, long discountMinor) {
        var order = Order.place("shopper-1", List.of(new Order.Item("SKU-1", "Tea", 1, UNIT_PRICE)),
                new PointsPayment(points, discountMinor), NOW, NOW.plusSeconds(900));
        return EntityState.set(order, "id", 7L);
    }

    private static final Consumer<Order> STOCK = order -> order.stockReserved(NOW);
    private static final Consumer<Order> POINTS = order -> order.pointsHeld(NOW);
    private static final Consumer<Order> REFUSED = order -> order.pointsRefused("Not enough points", NOW);

    static Stream<Arguments> journeys() {
        return Stream.of(
                arguments("stock, then points", List.of(STOCK, POINTS), OrderStatus.STOCK_RESERVED,
                        List.of(OrderAwaitingPayment.class)),
                arguments("points, then stock", List.of(POINTS, STOCK), OrderStatus.STOCK_RESERVED,
                        List.of(OrderAwaitingPayment.class)),
                arguments("stock alone", List.of(STOCK), OrderStatus.PENDING, List.of()),
                arguments("points alone", List.of(POINTS), OrderStatus.PENDING, List.of()),
                arguments("points twice, then stock twice", List.of(POINTS, POINTS, STOCK, STOCK),
                        OrderStatus.STOCK_RESERVED, List.of(OrderAwaitingPayment.class)),
                arguments("points refused", List.of(REFUSED), OrderStatus.CANCELLED, List.of(OrderCancelled.class)),
                arguments("stock, then points refused", List.of(STOCK, REFUSED), OrderStatus.CANCELLED,
                        List.of(OrderCancelled.class)),
                arguments("refused, then stock and points late", List.of(REFUSED, STOCK, POINTS, REFUSED),
                        OrderStatus.CANCELLED, List.of(OrderCancelled.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void the_order_awaits_payment_once_stock_and_points_are_both_held(String journey, List<Consumer<Order>> facts,
                                                                      OrderStatus status,
                                                                      List<Class<? extends OrderEvent>> announced) {
        Order order = placedWith(5_000, 5_000);
        assertEquals(announced, announcedAfter(order, facts));
        assertEquals(status, order.status());
    }

    /** The types of the events the order announced as the facts reached it, in order. */
    static List<Class<?>> announcedAfter(Order order, List<Consumer<Order>> facts) {
        var events = new ArrayList<Class<?>>();
        for (var fact : facts) {
            fact.accept(order);
            order.takeEvents().forEach(event -> events.add(event.getClass()));
        }
        return events;
    }

    @Test
    void refused_points_cancel_the_order_and_release_its_stock() {
        Order order = placedWith(5_000, 5_000);
        STOCK.accept(order);
        REFUSED.accept(order);
        var cancelled = (OrderCancelled) order.takeEvents().getFirst();
        assertEquals(CancelReason.POINTS_REFUSED, cancelled.reason());
        assertEquals(StockCompensation.RELEASE, cancelled.compensation().stock());
        assertNull(cancelled.compensation().refund());
    }

    @Test
    void points_refused_after_they_were_held_is_a_step_out_of_order() {
        Order order = placedWith(5_000, 5_000);
        POINTS.accept(order);
        assertEquals("order-step-out-of-order", assertThrows(RuleViolation.class, () -> REFUSED.accept(order)).type());
    }

    @Test
    void the_total_is_what_is_left_to_pay_after_the_points() {
        Order order = placedWith(3_000, 3_000);
        assertEquals(UNIT_PRICE, order.subtotal());
        assertEquals(new Money(7_000, "CNY"), order.total());
        STOCK.accept(order);
        POINTS.accept(order);
        assertEquals(new Money(7_000, "CNY"), ((OrderAwaitingPayment) order.takeEvents().getFirst()).total());
    }

    @Test
    void an_order_paid_in_full_with_points_is_paid_once_both_are_held_and_refunds_no_money() {
        Order order = placedWith(10_000, 10_000);
        STOCK.accept(order);
        POINTS.accept(order);
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(List.of(OrderPaid.class), order.takeEvents().stream().map(Object::getClass).toList());
        order.cancelByShopper(NOW);
        var cancelled = (OrderCancelled) order.takeEvents().getFirst();
        assertEquals(StockCompensation.RESTOCK, cancelled.compensation().stock());
        assertNull(cancelled.compensation().refund());
    }
}
