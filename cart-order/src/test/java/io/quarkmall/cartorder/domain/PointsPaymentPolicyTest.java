package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkmall.cartorder.domain.PointsPaymentPolicy.PointsPayment;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PointsPaymentPolicyTest {

    private static final PointsPaymentPolicy HUNDRED_A_YUAN_UP_TO_HALF = new PointsPaymentPolicy(100, 5_000);

    static Stream<Arguments> payments() {
        return Stream.of(
                arguments("no points", HUNDRED_A_YUAN_UP_TO_HALF, cny(20_000), 0, new PointsPayment(0, 0)),
                arguments("100 points = ¥1", HUNDRED_A_YUAN_UP_TO_HALF, cny(20_000), 100, new PointsPayment(100, 100)),
                arguments("exactly half", HUNDRED_A_YUAN_UP_TO_HALF, cny(20_000), 10_000, new PointsPayment(10_000, 10_000)),
                arguments("half of an odd amount, rounded down", HUNDRED_A_YUAN_UP_TO_HALF, cny(19_999), 9_999,
                        new PointsPayment(9_999, 9_999)),
                arguments("yen have no minor unit", HUNDRED_A_YUAN_UP_TO_HALF, new Money(1_000, "JPY"), 50_000,
                        new PointsPayment(50_000, 500)),
                arguments("points that buy part of a yen are not used", HUNDRED_A_YUAN_UP_TO_HALF,
                        new Money(1_000, "JPY"), 150, new PointsPayment(100, 1)),
                arguments("3 points a yuan: 2 points buy 66 fen", new PointsPaymentPolicy(3, 10_000), cny(1_000), 2,
                        new PointsPayment(2, 66)),
                arguments("all of it when the share allows", new PointsPaymentPolicy(100, 10_000), cny(5_000), 5_000,
                        new PointsPayment(5_000, 5_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payments")
    void points_pay_what_the_rate_says_within_the_maximum_share(String rule, PointsPaymentPolicy policy, Money goods,
                                                                long points, PointsPayment expected) {
        var payment = policy.apply(goods, points);
        assertEquals(expected, payment);
        assertTrue(payment.discountMinor() * 10_000 <= goods.amountMinor() * policy.maxShareBasisPoints(),
                "never more than the maximum share");
        assertTrue(payment.points() <= points, "never more points than asked");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("one point over half", HUNDRED_A_YUAN_UP_TO_HALF, cny(20_000), 10_001, "points-over-max-share"),
                arguments("points where none may pay", new PointsPaymentPolicy(100, 0), cny(20_000), 1, "points-over-max-share"),
                arguments("negative points", HUNDRED_A_YUAN_UP_TO_HALF, cny(20_000), -1, "negative-points"),
                arguments("less than a coin", HUNDRED_A_YUAN_UP_TO_HALF, new Money(1_000, "JPY"), 99, "points-too-few"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void points_beyond_what_they_may_pay_are_refused(String rule, PointsPaymentPolicy policy, Money goods, long points,
                                                    String type) {
        assertEquals(type, assertThrows(RuleViolation.class, () -> policy.apply(goods, points)).type());
    }

    /** Every request up to the maximum and beyond: never over the share, whatever the amount. */
    @ParameterizedTest(name = "goods of {0} fen")
    @MethodSource("amounts")
    void no_request_ever_pays_more_than_the_maximum_share(long goodsMinor) {
        var goods = cny(goodsMinor);
        for (long points = 1; points <= goodsMinor; points += Math.max(1, goodsMinor / 97)) {
            try {
                var payment = HUNDRED_A_YUAN_UP_TO_HALF.apply(goods, points);
                assertTrue(payment.discountMinor() * 2 <= goodsMinor, goodsMinor + " with " + points);
            } catch (RuleViolation refused) {
                assertEquals("points-over-max-share", refused.type());
            }
        }
    }

    static Stream<Long> amounts() {
        return Stream.of(1L, 3L, 99L, 101L, 19_999L, 1_000_003L);
    }

    private static Money cny(long minor) {
        return new Money(minor, "CNY");
    }
}
