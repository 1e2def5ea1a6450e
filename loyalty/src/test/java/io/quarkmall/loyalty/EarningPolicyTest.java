package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.EarningPolicy;
import org.junit.jupiter.api.Test;

class EarningPolicyTest {

    @Test
    void one_point_per_whole_yuan_rounded_down() {
        assertEquals(199, new EarningPolicy(1).pointsFor(new Money(19_999, "CNY")));
        assertEquals(0, new EarningPolicy(1).pointsFor(new Money(99, "CNY")));
    }

    @Test
    void currencies_without_minor_units_count_whole_units() {
        assertEquals(4_000, new EarningPolicy(2).pointsFor(new Money(2_000, "JPY")));
    }

    @Test
    void a_negative_rate_is_refused() {
        assertThrows(RuleViolation.class, () -> new EarningPolicy(-1));
    }
}
