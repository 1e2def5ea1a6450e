package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkmall.cartorder.domain.HoldingPolicy.Allow;
import io.quarkmall.cartorder.domain.HoldingPolicy.Holdings;
import io.quarkmall.cartorder.domain.HoldingPolicy.Limits;
import io.quarkmall.cartorder.domain.HoldingPolicy.Refuse;
import org.junit.jupiter.api.Test;

class HoldingPolicyTest {

    private static final Limits LIMITS = new Limits(5, 50);

    @Test
    void a_fifth_unpaid_order_is_allowed_and_a_sixth_refused() {
        assertInstanceOf(Allow.class, HoldingPolicy.decide(LIMITS, new Holdings(4, 8), 2));
        var refused = assertInstanceOf(Refuse.class, HoldingPolicy.decide(LIMITS, new Holdings(5, 10), 1));
        assertEquals("too-many-unpaid-orders", refused.type());
        assertEquals(true, refused.detail().contains("Pay or cancel one of them"));
    }

    @Test
    void units_up_to_the_limit_are_allowed_and_one_more_refused() {
        assertInstanceOf(Allow.class, HoldingPolicy.decide(LIMITS, new Holdings(1, 30), 20));
        var refused = assertInstanceOf(Refuse.class, HoldingPolicy.decide(LIMITS, new Holdings(1, 30), 21));
        assertEquals("too-many-units-held", refused.type());
        assertEquals(true, refused.detail().contains("hold 30 units and this cart has 21"));
    }

    @Test
    void one_cart_larger_than_the_unit_limit_is_refused_even_with_nothing_held() {
        assertEquals("too-many-units-held",
                assertInstanceOf(Refuse.class, HoldingPolicy.decide(LIMITS, new Holdings(0, 0), 51)).type());
    }
}
