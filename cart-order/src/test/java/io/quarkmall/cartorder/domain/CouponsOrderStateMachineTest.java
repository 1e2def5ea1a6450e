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
 * An order that coupons take part of: it awaits payment only once its stock, its coupons and (if
 * it uses any) its points are all in, in whichever order they arrive; refused coupons cancel it and
 * release its stock. Plain Java.
 */
class CouponsOrderStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Money UNIT_PRICE = new Money(10_000, "CNY");
    private static final AppliedCoupon TEN_OFF = new AppliedCoupon(11, "¥10 off", "CNY 10.00 off on everything.",
            new Money(1_000, "CNY"));
    private static final AppliedCoupon FIVE_OFF = new AppliedCoupon(12, "¥5 off", "CNY 5.00 off on everything.",
            new Money(500, "CNY"));

    private static Order placed(List<AppliedCoupon> coupons, PointsPayment points) {
        var order = Order.place("shopper-1", List.of(new Order.Item("SKU-1", "Tea", 1, UNIT_PRICE)), coupons, points,
                NOW, NOW.plusSeconds(900));
        return EntityState.set(order, "id", 9L);
    }

    private static final Consumer<Order> STOCK = order -> order.stockReserved(NOW);
    private static final Consumer<Order> POINTS = order -> order.pointsHeld(NOW);
    private static final Consumer<Order> COUPONS = order -> order.couponsUsed(NOW);
    private static final Consumer<Order> REFUSED = order -> order.couponsRefused("Coupons refused: coupon 11 expired", NOW);

    static Stream<Arguments> journeys() {
        var awaiting = List.<Class<? extends OrderEvent>>of(OrderAwaitingPayment.class);
        var cancelled = List.<Class<? extends OrderEvent>>of(OrderCancelled.class);
        return Stream.of(
                arguments("stock, then coupons", List.of(STOCK, COUPONS), OrderStatus.STOCK_RESERVED, awaiting),
                arguments("coupons, then stock", List.of(COUPONS, STOCK), OrderStatus.STOCK_RESERVED, awaiting),
                arguments("stock alone", List.of(STOCK), OrderStatus.PENDING, List.of()),
                arguments("coupons alone", List.of(COUPONS), OrderStatus.PENDING, List.of()),
                arguments("coupons twice, then stock twice", List.of(COUPONS, COUPONS, STOCK, STOCK),
                        OrderStatus.STOCK_RESERVED, awaiting),
                arguments("coupons refused", List.of(REFUSED), OrderStatus.CANCELLED, cancelled),
                arguments("stock, then coupons refused", List.of(STOCK, REFUSED), OrderStatus.CANCELLED, cancelled),
                arguments("refused, then stock and coupons late", List.of(REFUSED, STOCK, COUPONS, REFUSED),
                        OrderStatus.CANCELLED, cancelled));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void the_order_awaits_payment_once_stock_and_coupons_are_both_in(String journey, List<Consumer<Order>> facts,
                                                                     OrderStatus status,
                                                                     List<Class<? extends OrderEvent>> announced) {
        Order order = placed(List.of(TEN_OFF, FIVE_OFF), PointsPaymentPolicy.NONE);
        assertEquals(announced, replay(order, facts));
        assertEquals(status, order.status());
    }

    static Stream<Arguments> withPoints() {
        return Stream.of(
                arguments("stock, coupons, points", List.of(STOCK, COUPONS, POINTS)),
                arguments("points, stock, coupons", List.of(POINTS, STOCK, COUPONS)),
                arguments("coupons, points, stock", List.of(COUPONS, POINTS, STOCK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withPoints")
    void with_points_too_the_order_awaits_payment_only_after_the_last_of_the_three(String journey,
                                                                                  List<Consumer<Order>> facts) {
        Order order = placed(List.of(TEN_OFF), new PointsPayment(2_000, 2_000));
        assertEquals(List.of(), replay(order, facts.subList(0, 2)));
        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(List.of(OrderAwaitingPayment.class), replay(order, facts.subList(2, 3)));
        assertEquals(OrderStatus.STOCK_RESERVED, order.status());
    }

    @Test
    void coupons_come_off_the_goods_before_the_points_and_the_total_is_what_is_left() {
        Order order = placed(List.of(TEN_OFF, FIVE_OFF), new PointsPayment(2_000, 2_000));
        assertEquals(UNIT_PRICE, order.subtotal());
        assertEquals(new Money(1_500, "CNY"), order.couponDiscount());
        assertEquals(new Money(6_500, "CNY"), order.total());
        assertEquals(List.of(11L, 12L), order.couponIds());
        replay(order, List.of(STOCK, COUPONS));
        assertEquals(List.of(OrderAwaitingPayment.class), replay(order, List.of(POINTS)));
    }

    @Test
    void refused_coupons_cancel_the_order_and_release_its_stock() {
        Order order = placed(List.of(TEN_OFF), PointsPaymentPolicy.NONE);
        STOCK.accept(order);
        REFUSED.accept(order);
        var cancelled = (OrderCancelled) order.takeEvents().getFirst();
        assertEquals(CancelReason.COUPONS_REFUSED, cancelled.reason());
        assertEquals(StockCompensation.RELEASE, cancelled.compensation().stock());
        assertNull(cancelled.compensation().refund());
    }

    @Test
    void coupons_refused_after_they_were_used_is_a_step_out_of_order() {
        Order order = placed(List.of(TEN_OFF), PointsPaymentPolicy.NONE);
        COUPONS.accept(order);
        assertEquals("order-step-out-of-order", assertThrows(RuleViolation.class, () -> REFUSED.accept(order)).type());
        STOCK.accept(order);
        assertEquals("order-step-out-of-order", assertThrows(RuleViolation.class, () -> REFUSED.accept(order)).type());
    }

    @Test
    void an_order_coupons_pay_in_full_is_paid_once_stock_and_coupons_are_in_and_refunds_no_money() {
        var all = new AppliedCoupon(13, "Free tea", "CNY 100.00 off on everything.", UNIT_PRICE);
        Order order = placed(List.of(all), PointsPaymentPolicy.NONE);
        assertEquals(List.of(OrderPaid.class), replay(order, List.of(STOCK, COUPONS)));
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals("Paid in full with coupons 13", order.timeline().getLast().note());
        order.cancelByShopper(NOW);
        var cancelled = (OrderCancelled) order.takeEvents().getFirst();
        assertEquals(StockCompensation.RESTOCK, cancelled.compensation().stock());
        assertNull(cancelled.compensation().refund());
    }

    private static List<Class<?>> replay(Order order, List<Consumer<Order>> facts) {
        var events = new ArrayList<Class<?>>();
        for (var fact : facts) {
            fact.accept(order);
            order.takeEvents().forEach(event -> events.add(event.getClass()));
        }
        return events;
    }
}
