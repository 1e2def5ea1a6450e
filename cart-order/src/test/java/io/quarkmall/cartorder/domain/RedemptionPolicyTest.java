package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkmall.cartorder.domain.RedemptionPolicy.Allow;
import io.quarkmall.cartorder.domain.RedemptionPolicy.Decision;
import io.quarkmall.cartorder.domain.RedemptionPolicy.Refuse;
import io.quarkmall.common.money.Money;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedemptionPolicyTest {

    private static final Money NO_CASH = new Money(0, "CNY");
    private static final Money CASH = new Money(990, "CNY");

    private static RedemptionTerms terms(long points, Money cash, Integer limit) {
        return new RedemptionTerms(points, cash, limit);
    }

    private static Decision refused(String type) {
        return new Refuse(type, "");
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                arguments("points alone, no limit", terms(500, NO_CASH, null), 3, 40, new Allow(1_500, NO_CASH)),
                arguments("points plus cash: the cash is per unit", terms(500, CASH, null), 2, 0, new Allow(1_000, CASH)),
                arguments("up to the limit", terms(500, NO_CASH, 3), 2, 1, new Allow(1_000, NO_CASH)),
                arguments("one over the limit", terms(500, NO_CASH, 3), 2, 2, refused("redemption-limit-reached")),
                arguments("the limit already reached", terms(500, NO_CASH, 1), 1, 1, refused("redemption-limit-reached")),
                arguments("more in one go than the limit", terms(500, NO_CASH, 2), 3, 0, refused("redemption-limit-reached")),
                arguments("points beyond a long", terms(Long.MAX_VALUE / 2, NO_CASH, null), 3, 0,
                        refused("redemption-too-large")),
                arguments("cash beyond a long", terms(1, new Money(Long.MAX_VALUE / 2, "CNY"), null), 3, 0,
                        refused("redemption-too-large")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void a_redemption_costs_its_points_times_the_units_within_the_shoppers_limit(String rule, RedemptionTerms terms,
                                                                                int quantity, long redeemedBefore,
                                                                                Decision expected) {
        Decision decision = RedemptionPolicy.decide(terms, quantity, redeemedBefore);
        if (expected instanceof Refuse no) {
            assertEquals(no.type(), ((Refuse) decision).type(), () -> "decision: " + decision);
        } else {
            assertEquals(expected, decision);
        }
    }

    @ParameterizedTest(name = "limit {0}")
    @MethodSource("limits")
    void however_the_units_are_split_no_shopper_redeems_more_than_the_limit(int limit) {
        var terms = terms(100, NO_CASH, limit);
        long redeemed = 0;
        for (int quantity : new int[] {1, 2, 3, 1, 5, 1, 1, 99, 1}) {
            if (RedemptionPolicy.decide(terms, quantity, redeemed) instanceof Allow) {
                redeemed += quantity;
            }
        }
        assertEquals(true, redeemed <= limit, "redeemed " + redeemed);
        assertEquals(limit, redeemed, "units one at a time fill the limit exactly");
    }

    static Stream<Integer> limits() {
        return Stream.of(1, 2, 7, 14);
    }
}
