package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkmall.cartorder.domain.AfterSalesPolicy.ClaimedLine;
import io.quarkmall.cartorder.domain.AfterSalesPolicy.Grant;
import io.quarkmall.cartorder.domain.AfterSalesPolicy.Refuse;
import io.quarkmall.cartorder.domain.AfterSalesRequest.Decider;
import io.quarkmall.cartorder.domain.PointsPaymentPolicy.PointsPayment;
import io.quarkmall.common.money.Money;
import io.quarkmall.stack.testing.EntityState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a refund-only request may ask for: the units of the order no earlier request claimed, their
 * share of the money paid, the last units the money left, and refusals with their type, status and
 * field. Plain Java, no database.
 */
class AfterSalesPolicyTest {

    private static final Instant PLACED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant DELIVERED = PLACED.plus(Duration.ofDays(2));
    private static final AfterSalesPolicy POLICY = new AfterSalesPolicy(Duration.ofDays(15));

    /** Three teas at ¥10 and a pot at ¥30 (¥60), points paying ¥15 of it: ¥45 paid in money. */
    private static Order delivered() {
        var order = placed("shopper", List.of(new Order.Item("TEA", "Tea", 3, cny(1_000)),
                new Order.Item("POT", "Pot", 1, cny(3_000))), new PointsPayment(1_500, 1_500), PLACED, PLACED.plusSeconds(900));
        order.stockReserved(PLACED);
        order.pointsHeld(PLACED);
        order.paid(PLACED);
        order.fulfilling("TRK-1", "simulated", PLACED);
        order.shipped("Hub", PLACED);
        order.delivered("Door", DELIVERED);
        return order;
    }

    private static Money cny(long minor) {
        return new Money(minor, "CNY");
    }

    private static Grant grant(Order order, List<ClaimedLine> asked, List<AfterSalesRequest> earlier) {
        return assertInstanceOf(Grant.class, POLICY.decide(order, asked, earlier, DELIVERED.plus(Duration.ofDays(1))));
    }

    private static AfterSalesRequest earlier(Order order, List<ClaimedLine> lines, AfterSalesRequest.Status status) {
        var grant = grant(order, lines, List.of());
        var request = opened(order, grant, AfterSalesReason.DAMAGED);
        if (status != AfterSalesRequest.Status.REQUESTED) {
            if (status == AfterSalesRequest.Status.REJECTED) {
                request.reject("Photos show no damage", DELIVERED);
            } else {
                request.approve(Decider.MERCHANT, null, DELIVERED, DELIVERED);
            }
        }
        if (status == AfterSalesRequest.Status.REFUNDED) {
            order.refunded(request.amount(), DELIVERED);
            request.refunded(DELIVERED);
        }
        return request;
    }

    @Test
    void without_lines_a_request_takes_every_unit_and_all_the_money_paid() {
        var grant = grant(delivered(), List.of(), List.of());
        assertEquals(List.of(new ClaimedLine("TEA", 3), new ClaimedLine("POT", 1)), grant.lines());
        assertEquals(cny(4_500), grant.amount(), "the money paid; the points' share is not money");
    }

    @Test
    void some_units_get_their_share_of_the_money_paid_rounded_down() {
        assertEquals(cny(750), grant(delivered(), List.of(new ClaimedLine("TEA", 1)), List.of()).amount(),
                "¥10 of ¥60 is a sixth of the ¥45 paid");
        assertEquals(cny(2_250), grant(delivered(), List.of(new ClaimedLine("POT", 1)), List.of()).amount());
    }

    @Test
    void units_claimed_one_by_one_give_back_exactly_the_money_paid() {
        var order = placed("shopper", List.of(new Order.Item("TEA", "Tea", 3, cny(1_000))),
                new PointsPayment(2_000, 2_000), PLACED, PLACED.plusSeconds(900));
        order.stockReserved(PLACED);
        order.pointsHeld(PLACED);
        order.paid(PLACED);
        order.fulfilling("TRK-1", "simulated", PLACED);
        order.shipped("Hub", PLACED);
        List<AfterSalesRequest> requests = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var grant = grant(order, List.of(new ClaimedLine("TEA", 1)), requests);
            amounts.add(grant.amount().amountMinor());
            var request = opened(order, grant, AfterSalesReason.NOT_RECEIVED);
            request.approve(Decider.MERCHANT, null, PLACED, PLACED);
            order.refunded(grant.amount(), PLACED);
            request.refunded(PLACED);
            requests.add(request);
        }
        assertEquals(List.of(333L, 333L, 334L), amounts, "the last unit takes what rounding left");
        assertFalse(POLICY.offers(order, requests, PLACED), "nothing is left to ask for");
    }

    @Test
    void a_rejected_request_leaves_its_units_claimable_and_a_refunded_one_does_not() {
        var order = delivered();
        var rejected = earlier(order, List.of(new ClaimedLine("TEA", 3)), AfterSalesRequest.Status.REJECTED);
        assertEquals(cny(4_500), grant(order, List.of(), List.of(rejected)).amount());

        var refunded = earlier(order, List.of(new ClaimedLine("TEA", 3)), AfterSalesRequest.Status.REFUNDED);
        var rest = grant(order, List.of(), List.of(rejected, refunded));
        assertEquals(List.of(new ClaimedLine("POT", 1)), rest.lines());
        assertEquals(cny(2_250), rest.amount(), "¥45 less the ¥22.50 refunded");
    }

    @Test
    void returned_goods_received_stay_claimed_even_when_pay_could_not_refund_them() {
        var order = delivered();
        var grant = grant(order, List.of(new ClaimedLine("TEA", 3)), List.of());
        var returned = EntityState.set(AfterSalesRequest.open(AfterSalesRequest.Kind.RETURN_AND_REFUND, order, grant,
                AfterSalesReason.DAMAGED, null, PLACED, DELIVERED.plus(Duration.ofDays(2)), DELIVERED.plus(Duration.ofDays(1))),
                "id", ids++);
        returned.approve(Decider.MERCHANT, null, DELIVERED, DELIVERED.plus(Duration.ofDays(7)));
        returned.returnShipped("SF", "SF1234567", DELIVERED, DELIVERED.plus(Duration.ofDays(10)), DELIVERED.plus(Duration.ofDays(1)));
        returned.received(AfterSalesRequest.Disposition.SELLABLE, null, DELIVERED, null);
        returned.notRefunded("REFUSED_BY_CHANNEL", DELIVERED);
        assertEquals(List.of(new ClaimedLine("POT", 1)), grant(order, List.of(), List.of(returned)).lines(),
                "the tea is back in stock: it cannot be returned again");
    }

    @Test
    void money_an_operator_refunded_outside_after_sales_is_not_given_twice() {
        var order = delivered();
        order.refunded(cny(4_000), DELIVERED);
        assertEquals(cny(500), grant(order, List.of(), List.of()).amount());
        assertEquals(cny(500), grant(order, List.of(new ClaimedLine("POT", 1)), List.of()).amount(),
                "a share is capped by the money left");
        order.refunded(cny(500), DELIVERED);
        var refused = assertInstanceOf(Refuse.class, POLICY.decide(order, List.of(), List.of(), DELIVERED));
        assertEquals("nothing-to-refund", refused.type());
        assertFalse(POLICY.offers(order, List.of(), DELIVERED));
    }

    @Test
    void it_is_offered_from_shipping_until_the_window_closes() {
        assertTrue(POLICY.offers(delivered(), List.of(), DELIVERED.plus(Duration.ofDays(15))));
        assertFalse(POLICY.offers(delivered(), List.of(), DELIVERED.plus(Duration.ofDays(15)).plusSeconds(1)));
        var paid = placed("shopper", List.of(new Order.Item("TEA", "Tea", 1, cny(1_000))), PLACED,
                PLACED.plusSeconds(900));
        paid.stockReserved(PLACED);
        paid.paid(PLACED);
        assertFalse(POLICY.offers(paid, List.of(), PLACED));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("before the parcel ships", (Setup) order -> paidOnly(), List.of(), 409,
                        "after-sales-not-open", null),
                arguments("another request is open", (Setup) order -> order, List.of(), 409, "after-sales-open", null),
                arguments("past the window", (Setup) order -> order, List.of(), 422, "after-sales-window-closed", null),
                arguments("a SKU not on the order", (Setup) order -> order, List.of(new ClaimedLine("CUP", 1)), 422,
                        "not-on-order", "lines[0].sku"),
                arguments("a SKU twice", (Setup) order -> order,
                        List.of(new ClaimedLine("TEA", 1), new ClaimedLine("TEA", 1)), 422, "line-repeated", "lines[1].sku"),
                arguments("more units than bought", (Setup) order -> order, List.of(new ClaimedLine("TEA", 4)), 422,
                        "quantity-over-claimable", "lines[0].quantity"),
                arguments("no unit", (Setup) order -> order, List.of(new ClaimedLine("POT", 0)), 422,
                        "quantity-over-claimable", "lines[0].quantity"));
    }

    interface Setup {
        Order apply(Order order);
    }

    @ParameterizedTest(name = "{0}: {3} {4}")
    @MethodSource("refusals")
    void a_request_is_refused_with_its_reason(String name, Setup setup, List<ClaimedLine> asked, int status, String type,
                                              String field) {
        var order = setup.apply(delivered());
        List<AfterSalesRequest> earlier = type.equals("after-sales-open")
                ? List.of(earlier(order, List.of(new ClaimedLine("POT", 1)), AfterSalesRequest.Status.APPROVED))
                : List.of();
        Instant now = type.equals("after-sales-window-closed") ? DELIVERED.plus(Duration.ofDays(16)) : DELIVERED;
        var refused = assertInstanceOf(Refuse.class, POLICY.decide(order, asked, earlier, now));
        assertEquals(status, refused.status());
        assertEquals(type, refused.type());
        assertEquals(field, refused.field());
    }

    private static Order paidOnly() {
        var order = placed("shopper", List.of(new Order.Item("TEA", "Tea", 1, cny(1_000))), PLACED,
                PLACED.plusSeconds(900));
        order.stockReserved(PLACED);
        order.paid(PLACED);
        return order;
    }

    private static long ids = 1;

    /** Requests and orders get an id as the database would give them. */
    private static Order placed(String shopper, List<Order.Item> items, Instant now, Instant payBy) {
        return placed(shopper, items, PointsPaymentPolicy.NONE, now, payBy);
    }

    private static Order placed(String shopper, List<Order.Item> items, PointsPayment points, Instant now, Instant payBy) {
        return EntityState.set(Order.place(shopper, items, points, now, payBy), "id", ids++);
    }

    private static AfterSalesRequest opened(Order order, Grant grant, AfterSalesReason reason) {
        return EntityState.set(AfterSalesRequest.open(AfterSalesRequest.Kind.REFUND_ONLY, order, grant, reason, null, PLACED,
                PLACED.plus(Duration.ofDays(60)), PLACED.plus(Duration.ofDays(30))),
                "id", ids++);
    }
}
