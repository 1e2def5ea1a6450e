package io.quarkmall.cartorder.domain;

import static io.quarkmall.cartorder.domain.CancelReason.SHOPPER_CANCELLED;
import static io.quarkmall.cartorder.domain.CancelReason.STOCK_REJECTED;
import static io.quarkmall.cartorder.domain.CancelReason.UNPAID_TIMEOUT;
import static io.quarkmall.cartorder.domain.OrderEvent.StockCompensation.NONE;
import static io.quarkmall.cartorder.domain.OrderEvent.StockCompensation.RELEASE;
import static io.quarkmall.cartorder.domain.OrderEvent.StockCompensation.RESTOCK;
import static io.quarkmall.cartorder.domain.OrderStatus.CANCELLED;
import static io.quarkmall.cartorder.domain.OrderStatus.COMPLETED;
import static io.quarkmall.cartorder.domain.OrderStatus.DELIVERED;
import static io.quarkmall.cartorder.domain.OrderStatus.FULFILLING;
import static io.quarkmall.cartorder.domain.OrderStatus.PAID;
import static io.quarkmall.cartorder.domain.OrderStatus.PENDING;
import static io.quarkmall.cartorder.domain.OrderStatus.SHIPPED;
import static io.quarkmall.cartorder.domain.OrderStatus.STOCK_RESERVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkmall.cartorder.domain.OrderEvent.Compensation;
import io.quarkmall.cartorder.domain.OrderEvent.OrderAwaitingPayment;
import io.quarkmall.cartorder.domain.OrderEvent.OrderCancelled;
import io.quarkmall.cartorder.domain.OrderEvent.OrderCompleted;
import io.quarkmall.cartorder.domain.OrderEvent.OrderDelivered;
import io.quarkmall.cartorder.domain.OrderEvent.OrderFulfilling;
import io.quarkmall.cartorder.domain.OrderEvent.OrderPaid;
import io.quarkmall.cartorder.domain.OrderEvent.OrderRefunded;
import io.quarkmall.cartorder.domain.OrderEvent.OrderShipped;
import io.quarkmall.cartorder.domain.OrderEvent.StockCompensation;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.stack.testing.EntityState;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fact in every status of an order: it moves the order and announces the move, changes
 * nothing (a late or repeated fact), or is refused with a RuleViolation. Plain Java, no database.
 */
class OrderStateMachineTest {

    private static final long ID = 42;
    private static final Instant PLACED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant NOW = PLACED.plusSeconds(60);
    private static final Money UNIT_PRICE = new Money(1_999, "CNY");
    private static final Money TOTAL = UNIT_PRICE.times(2);

    /** What can happen to an order: the saga's facts and the shopper's and sweeps' decisions. */
    enum Fact {
        STOCK_RESERVED(order -> order.stockReserved(NOW)),
        STOCK_REJECTED(order -> order.stockRejected("Only 1 left", NOW)),
        POINTS_HELD(order -> order.pointsHeld(NOW)),
        POINTS_REFUSED(order -> order.pointsRefused("Not enough points", NOW)),
        COUPONS_USED(order -> order.couponsUsed(NOW)),
        COUPONS_REFUSED(order -> order.couponsRefused("Coupon 5 is already used", NOW)),
        PAID(order -> order.paid(NOW)),
        PAYMENT_FAILED(order -> order.paymentFailed("DECLINED", NOW)),
        FULFILLING(order -> order.fulfilling("TRK-1", "simulated", NOW)),
        SHIPPED(order -> order.shipped("Shanghai hub", NOW)),
        DELIVERED(order -> order.delivered("Front door", NOW)),
        REFUNDED(order -> order.refunded(TOTAL, NOW)),
        CANCEL_UNPAID(order -> order.cancelUnpaid(NOW)),
        CANCEL_BY_SHOPPER(order -> order.cancelByShopper(NOW)),
        COMPLETE(order -> order.complete("Receipt confirmed", NOW));

        private final Consumer<Order> apply;

        Fact(Consumer<Order> apply) {
            this.apply = apply;
        }

        void applyTo(Order order) {
            apply.accept(order);
        }
    }

    sealed interface Outcome {}

    record Moves(OrderStatus to, Class<? extends OrderEvent> announces) implements Outcome {
        @Override
        public String toString() {
            return to + ", announcing " + announces.getSimpleName();
        }
    }

    /** The status stays and nothing is announced, but the timeline says what happened. */
    record Noted() implements Outcome {
        @Override
        public String toString() {
            return "noted on the timeline";
        }
    }

    record Unchanged() implements Outcome {
        @Override
        public String toString() {
            return "unchanged";
        }
    }

    record Refused(String type) implements Outcome {
        @Override
        public String toString() {
            return "refused: " + type;
        }
    }

    record Row(OrderStatus from, Fact fact, Outcome outcome) {
        @Override
        public String toString() {
            return from + " + " + fact + " -> " + outcome;
        }
    }

    private static final Outcome UNCHANGED = new Unchanged();
    private static final Outcome NOTED = new Noted();
    private static final Outcome OUT_OF_ORDER = new Refused("order-step-out-of-order");
    private static final Outcome NOT_CANCELLABLE = new Refused("order-not-cancellable");
    private static final Outcome NOT_DELIVERED = new Refused("order-not-delivered");

    private static Row row(OrderStatus from, Fact fact, Outcome outcome) {
        return new Row(from, fact, outcome);
    }

    private static Outcome to(OrderStatus to, Class<? extends OrderEvent> announces) {
        return new Moves(to, announces);
    }

    /**
     * The order's state machine: one row per status and fact, in that order, for an order paid with
     * money alone (loyalty holds no points and uses no coupons for it; PointsOrderStateMachineTest and
     * CouponsOrderStateMachineTest follow the orders that use them).
     */
    static final List<Row> TABLE = List.of(
            row(PENDING, Fact.STOCK_RESERVED, to(STOCK_RESERVED, OrderAwaitingPayment.class)),
            row(PENDING, Fact.STOCK_REJECTED, to(CANCELLED, OrderCancelled.class)),
            row(PENDING, Fact.POINTS_HELD, OUT_OF_ORDER),
            row(PENDING, Fact.POINTS_REFUSED, OUT_OF_ORDER),
            row(PENDING, Fact.COUPONS_USED, OUT_OF_ORDER),
            row(PENDING, Fact.COUPONS_REFUSED, OUT_OF_ORDER),
            row(PENDING, Fact.PAID, OUT_OF_ORDER),
            row(PENDING, Fact.PAYMENT_FAILED, OUT_OF_ORDER),
            row(PENDING, Fact.FULFILLING, OUT_OF_ORDER),
            row(PENDING, Fact.SHIPPED, OUT_OF_ORDER),
            row(PENDING, Fact.DELIVERED, OUT_OF_ORDER),
            row(PENDING, Fact.REFUNDED, OUT_OF_ORDER),
            row(PENDING, Fact.CANCEL_UNPAID, to(CANCELLED, OrderCancelled.class)),
            row(PENDING, Fact.CANCEL_BY_SHOPPER, to(CANCELLED, OrderCancelled.class)),
            row(PENDING, Fact.COMPLETE, NOT_DELIVERED),

            row(STOCK_RESERVED, Fact.STOCK_RESERVED, UNCHANGED),
            row(STOCK_RESERVED, Fact.STOCK_REJECTED, OUT_OF_ORDER),
            row(STOCK_RESERVED, Fact.POINTS_HELD, OUT_OF_ORDER),
            row(STOCK_RESERVED, Fact.POINTS_REFUSED, OUT_OF_ORDER),
            row(STOCK_RESERVED, Fact.COUPONS_USED, OUT_OF_ORDER),
            row(STOCK_RESERVED, Fact.COUPONS_REFUSED, OUT_OF_ORDER),
            row(STOCK_RESERVED, Fact.PAID, to(PAID, OrderPaid.class)),
            row(STOCK_RESERVED, Fact.PAYMENT_FAILED, NOTED),
            row(STOCK_RESERVED, Fact.FULFILLING, OUT_OF_ORDER),
            row(STOCK_RESERVED, Fact.SHIPPED, OUT_OF_ORDER),
            row(STOCK_RESERVED, Fact.DELIVERED, OUT_OF_ORDER),
            row(STOCK_RESERVED, Fact.REFUNDED, OUT_OF_ORDER),
            row(STOCK_RESERVED, Fact.CANCEL_UNPAID, to(CANCELLED, OrderCancelled.class)),
            row(STOCK_RESERVED, Fact.CANCEL_BY_SHOPPER, to(CANCELLED, OrderCancelled.class)),
            row(STOCK_RESERVED, Fact.COMPLETE, NOT_DELIVERED),

            row(PAID, Fact.STOCK_RESERVED, UNCHANGED),
            row(PAID, Fact.STOCK_REJECTED, OUT_OF_ORDER),
            row(PAID, Fact.POINTS_HELD, OUT_OF_ORDER),
            row(PAID, Fact.POINTS_REFUSED, OUT_OF_ORDER),
            row(PAID, Fact.COUPONS_USED, OUT_OF_ORDER),
            row(PAID, Fact.COUPONS_REFUSED, OUT_OF_ORDER),
            row(PAID, Fact.PAID, UNCHANGED),
            row(PAID, Fact.PAYMENT_FAILED, UNCHANGED),
            row(PAID, Fact.FULFILLING, to(FULFILLING, OrderFulfilling.class)),
            row(PAID, Fact.SHIPPED, OUT_OF_ORDER),
            row(PAID, Fact.DELIVERED, OUT_OF_ORDER),
            row(PAID, Fact.REFUNDED, to(PAID, OrderRefunded.class)),
            row(PAID, Fact.CANCEL_UNPAID, UNCHANGED),
            row(PAID, Fact.CANCEL_BY_SHOPPER, to(CANCELLED, OrderCancelled.class)),
            row(PAID, Fact.COMPLETE, NOT_DELIVERED),

            row(FULFILLING, Fact.STOCK_RESERVED, UNCHANGED),
            row(FULFILLING, Fact.STOCK_REJECTED, OUT_OF_ORDER),
            row(FULFILLING, Fact.POINTS_HELD, OUT_OF_ORDER),
            row(FULFILLING, Fact.POINTS_REFUSED, OUT_OF_ORDER),
            row(FULFILLING, Fact.COUPONS_USED, OUT_OF_ORDER),
            row(FULFILLING, Fact.COUPONS_REFUSED, OUT_OF_ORDER),
            row(FULFILLING, Fact.PAID, UNCHANGED),
            row(FULFILLING, Fact.PAYMENT_FAILED, UNCHANGED),
            row(FULFILLING, Fact.FULFILLING, UNCHANGED),
            row(FULFILLING, Fact.SHIPPED, to(SHIPPED, OrderShipped.class)),
            row(FULFILLING, Fact.DELIVERED, OUT_OF_ORDER),
            row(FULFILLING, Fact.REFUNDED, to(FULFILLING, OrderRefunded.class)),
            row(FULFILLING, Fact.CANCEL_UNPAID, UNCHANGED),
            row(FULFILLING, Fact.CANCEL_BY_SHOPPER, to(CANCELLED, OrderCancelled.class)),
            row(FULFILLING, Fact.COMPLETE, NOT_DELIVERED),

            row(SHIPPED, Fact.STOCK_RESERVED, UNCHANGED),
            row(SHIPPED, Fact.STOCK_REJECTED, OUT_OF_ORDER),
            row(SHIPPED, Fact.POINTS_HELD, OUT_OF_ORDER),
            row(SHIPPED, Fact.POINTS_REFUSED, OUT_OF_ORDER),
            row(SHIPPED, Fact.COUPONS_USED, OUT_OF_ORDER),
            row(SHIPPED, Fact.COUPONS_REFUSED, OUT_OF_ORDER),
            row(SHIPPED, Fact.PAID, UNCHANGED),
            row(SHIPPED, Fact.PAYMENT_FAILED, UNCHANGED),
            row(SHIPPED, Fact.FULFILLING, UNCHANGED),
            row(SHIPPED, Fact.SHIPPED, UNCHANGED),
            row(SHIPPED, Fact.DELIVERED, to(DELIVERED, OrderDelivered.class)),
            row(SHIPPED, Fact.REFUNDED, to(SHIPPED, OrderRefunded.class)),
            row(SHIPPED, Fact.CANCEL_UNPAID, UNCHANGED),
            row(SHIPPED, Fact.CANCEL_BY_SHOPPER, NOT_CANCELLABLE),
            row(SHIPPED, Fact.COMPLETE, NOT_DELIVERED),

            row(DELIVERED, Fact.STOCK_RESERVED, UNCHANGED),
            row(DELIVERED, Fact.STOCK_REJECTED, OUT_OF_ORDER),
            row(DELIVERED, Fact.POINTS_HELD, OUT_OF_ORDER),
            row(DELIVERED, Fact.POINTS_REFUSED, OUT_OF_ORDER),
            row(DELIVERED, Fact.COUPONS_USED, OUT_OF_ORDER),
            row(DELIVERED, Fact.COUPONS_REFUSED, OUT_OF_ORDER),
            row(DELIVERED, Fact.PAID, UNCHANGED),
            row(DELIVERED, Fact.PAYMENT_FAILED, UNCHANGED),
            row(DELIVERED, Fact.FULFILLING, UNCHANGED),
            row(DELIVERED, Fact.SHIPPED, UNCHANGED),
            row(DELIVERED, Fact.DELIVERED, UNCHANGED),
            row(DELIVERED, Fact.REFUNDED, to(DELIVERED, OrderRefunded.class)),
            row(DELIVERED, Fact.CANCEL_UNPAID, UNCHANGED),
            row(DELIVERED, Fact.CANCEL_BY_SHOPPER, NOT_CANCELLABLE),
            row(DELIVERED, Fact.COMPLETE, to(COMPLETED, OrderCompleted.class)),

            row(COMPLETED, Fact.STOCK_RESERVED, UNCHANGED),
            row(COMPLETED, Fact.STOCK_REJECTED, OUT_OF_ORDER),
            row(COMPLETED, Fact.POINTS_HELD, OUT_OF_ORDER),
            row(COMPLETED, Fact.POINTS_REFUSED, OUT_OF_ORDER),
            row(COMPLETED, Fact.COUPONS_USED, OUT_OF_ORDER),
            row(COMPLETED, Fact.COUPONS_REFUSED, OUT_OF_ORDER),
            row(COMPLETED, Fact.PAID, UNCHANGED),
            row(COMPLETED, Fact.PAYMENT_FAILED, UNCHANGED),
            row(COMPLETED, Fact.FULFILLING, UNCHANGED),
            row(COMPLETED, Fact.SHIPPED, UNCHANGED),
            row(COMPLETED, Fact.DELIVERED, UNCHANGED),
            row(COMPLETED, Fact.REFUNDED, to(COMPLETED, OrderRefunded.class)),
            row(COMPLETED, Fact.CANCEL_UNPAID, UNCHANGED),
            row(COMPLETED, Fact.CANCEL_BY_SHOPPER, NOT_CANCELLABLE),
            row(COMPLETED, Fact.COMPLETE, NOT_DELIVERED),

            row(CANCELLED, Fact.STOCK_RESERVED, UNCHANGED),
            row(CANCELLED, Fact.STOCK_REJECTED, UNCHANGED),
            row(CANCELLED, Fact.POINTS_HELD, UNCHANGED),
            row(CANCELLED, Fact.POINTS_REFUSED, UNCHANGED),
            row(CANCELLED, Fact.COUPONS_USED, UNCHANGED),
            row(CANCELLED, Fact.COUPONS_REFUSED, UNCHANGED),
            row(CANCELLED, Fact.PAID, UNCHANGED),
            row(CANCELLED, Fact.PAYMENT_FAILED, UNCHANGED),
            row(CANCELLED, Fact.FULFILLING, UNCHANGED),
            row(CANCELLED, Fact.SHIPPED, UNCHANGED),
            row(CANCELLED, Fact.DELIVERED, UNCHANGED),
            row(CANCELLED, Fact.REFUNDED, to(CANCELLED, OrderRefunded.class)),
            row(CANCELLED, Fact.CANCEL_UNPAID, UNCHANGED),
            row(CANCELLED, Fact.CANCEL_BY_SHOPPER, NOT_CANCELLABLE),
            row(CANCELLED, Fact.COMPLETE, NOT_DELIVERED));

    static Stream<Row> moves() {
        return TABLE.stream().filter(row -> row.outcome() instanceof Moves);
    }

    static Stream<Row> changesNothing() {
        return TABLE.stream().filter(row -> row.outcome() instanceof Unchanged);
    }

    static Stream<Row> notes() {
        return TABLE.stream().filter(row -> row.outcome() instanceof Noted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notes")
    void a_noted_fact_keeps_the_status_and_says_so_on_the_timeline(Row row) {
        Order order = orderIn(row.from());
        int timeline = order.timeline().size();

        row.fact().applyTo(order);

        assertEquals(row.from(), order.status());
        assertEquals(timeline + 1, order.timeline().size());
        assertEquals(row.from(), order.timeline().getLast().status());
        assertEquals(List.of(), order.takeEvents());
    }

    static Stream<Row> refusals() {
        return TABLE.stream().filter(row -> row.outcome() instanceof Refused);
    }

    @Test
    void the_table_has_one_row_for_every_status_and_fact() {
        Set<List<Object>> pairs = new HashSet<>();
        TABLE.forEach(row -> assertTrue(pairs.add(List.of(row.from(), row.fact())), "twice: " + row));
        assertEquals(OrderStatus.values().length * Fact.values().length, pairs.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moves")
    void an_allowed_step_moves_the_order_and_announces_it(Row row) {
        Order order = orderIn(row.from());
        var moves = (Moves) row.outcome();

        row.fact().applyTo(order);

        assertEquals(moves.to(), order.status());
        assertEquals(moves.to(), order.timeline().getLast().status());
        List<OrderEvent> events = order.takeEvents();
        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(ID, assertInstanceOf(moves.announces(), events.getFirst()).orderId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesNothing")
    void a_late_or_repeated_fact_changes_nothing(Row row) {
        Order order = orderIn(row.from());
        int timeline = order.timeline().size();

        row.fact().applyTo(order);

        assertUntouched(order, row.from(), timeline);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void a_step_the_order_cannot_take_now_is_refused(Row row) {
        Order order = orderIn(row.from());
        int timeline = order.timeline().size();

        var refused = assertThrows(RuleViolation.class, () -> row.fact().applyTo(order));

        assertEquals(((Refused) row.outcome()).type(), refused.type());
        assertUntouched(order, row.from(), timeline);
    }

    /** What each way of cancelling leaves stock and pay to undo. */
    static Stream<Arguments> cancellations() {
        return Stream.of(
                arguments(PENDING, Fact.STOCK_REJECTED, STOCK_REJECTED, NONE, null),
                arguments(PENDING, Fact.CANCEL_UNPAID, UNPAID_TIMEOUT, RELEASE, null),
                arguments(STOCK_RESERVED, Fact.CANCEL_UNPAID, UNPAID_TIMEOUT, RELEASE, null),
                arguments(PENDING, Fact.CANCEL_BY_SHOPPER, SHOPPER_CANCELLED, RELEASE, null),
                arguments(STOCK_RESERVED, Fact.CANCEL_BY_SHOPPER, SHOPPER_CANCELLED, RELEASE, null),
                arguments(PAID, Fact.CANCEL_BY_SHOPPER, SHOPPER_CANCELLED, RESTOCK, TOTAL),
                arguments(FULFILLING, Fact.CANCEL_BY_SHOPPER, SHOPPER_CANCELLED, RESTOCK, TOTAL));
    }

    @ParameterizedTest(name = "{0} + {1}: {2}, stock {3}, refund {4}")
    @MethodSource("cancellations")
    void a_cancellation_says_what_stock_and_pay_must_undo(OrderStatus from, Fact fact, CancelReason reason,
                                                         StockCompensation stock, Money refund) {
        Order order = orderIn(from);

        fact.applyTo(order);

        assertEquals(reason, order.cancelReason().orElseThrow());
        var cancelled = assertInstanceOf(OrderCancelled.class, order.takeEvents().getFirst());
        assertEquals(new Compensation(stock, refund), cancelled.compensation());
        assertEquals(reason, cancelled.reason());
    }

    @Test
    void every_way_to_cancel_is_in_the_cancellation_table() {
        Set<List<Object>> cancelling = new HashSet<>();
        moves().filter(row -> ((Moves) row.outcome()).announces() == OrderCancelled.class)
                .forEach(row -> cancelling.add(List.of(row.from(), row.fact())));
        Set<List<Object>> tabled = new HashSet<>();
        cancellations().forEach(args -> tabled.add(List.of(args.get()[0], args.get()[1])));
        assertEquals(cancelling, tabled);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OrderStatus.class)
    void the_unpaid_sweep_answers_whether_it_cancelled(OrderStatus status) {
        assertEquals(OrderStatus.UNPAID.contains(status), orderIn(status).cancelUnpaid(NOW));
    }

    @Test
    void a_placed_order_is_pending_with_its_total_and_one_timeline_entry() {
        Order order = placed();
        assertEquals(PENDING, order.status());
        assertEquals(TOTAL, order.total());
        assertEquals(List.of(PENDING), order.timeline().stream().map(TimelineEntry::status).toList());
        assertEquals(List.of(), order.takeEvents());
    }

    private static void assertUntouched(Order order, OrderStatus status, int timeline) {
        assertEquals(status, order.status());
        assertEquals(timeline, order.timeline().size());
        assertEquals(List.of(), order.takeEvents());
    }

    private static Order placed() {
        var order = Order.place("shopper-1", List.of(new Order.Item("SKU-1", "Tea", 2, UNIT_PRICE)), PLACED,
                PLACED.plusSeconds(900));
        // The id is the database's (generated on insert); the events carry it.
        return EntityState.set(order, "id", ID);
    }

    private static final Map<OrderStatus, Fact> FACT_REACHING = Map.of(STOCK_RESERVED, Fact.STOCK_RESERVED,
            PAID, Fact.PAID, FULFILLING, Fact.FULFILLING, SHIPPED, Fact.SHIPPED, DELIVERED, Fact.DELIVERED,
            COMPLETED, Fact.COMPLETE);

    /** An order brought to {@code status} along its own path, its events already taken. */
    private static Order orderIn(OrderStatus status) {
        Order order = placed();
        if (status == CANCELLED) {
            order.cancelByShopper(NOW);
        } else {
            for (OrderStatus step : OrderStatus.HAPPY_PATH.subList(1, OrderStatus.HAPPY_PATH.indexOf(status) + 1)) {
                FACT_REACHING.get(step).applyTo(order);
            }
        }
        assertEquals(status, order.status());
        order.takeEvents();
        return order;
    }
}
