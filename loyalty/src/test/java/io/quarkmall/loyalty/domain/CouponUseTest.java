package io.quarkmall.loyalty.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.stack.testing.EntityState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When an order may use a coupon, and when a cancelled order gives it back. Plain Java, no database. */
class CouponUseTest {

    private static final Instant CLAIMED = Instant.parse("2026-11-27T10:00:00Z");
    private static final long ORDER = 42;

    @ParameterizedTest(name = "{0} by {1} at +{2}h -> {3}")
    @CsvSource(textBlock = """
            # coupon,    shopper, hours after claim, outcome
            AVAILABLE,   me,      1,                 USED
            AVAILABLE,   me,      0,                 USED
            AVAILABLE,   other,   1,                 refused: coupon-not-yours
            AVAILABLE,   me,      168,               refused: coupon-expired
            AVAILABLE,   me,      -1,                refused: coupon-not-yet-valid
            USED,        me,      1,                 refused: coupon-already-used
            RETURNED,    me,      1,                 USED
            """)
    void an_order_uses_a_coupon_of_its_shopper_once_while_it_is_valid(String state, String shopper, long hours, String outcome) {
        Coupon coupon = coupon();
        if (!state.equals("AVAILABLE")) {
            CouponUse first = coupon.useFor("me", 7, CLAIMED);
            if (state.equals("RETURNED")) {
                coupon.returnFrom(first, CLAIMED);
            }
        }
        Instant at = CLAIMED.plus(Duration.ofHours(hours));
        if (outcome.startsWith("refused: ")) {
            assertEquals(outcome.substring("refused: ".length()),
                    assertThrows(RuleViolation.class, () -> coupon.useFor(shopper, ORDER, at)).type());
        } else {
            CouponUse use = coupon.useFor(shopper, ORDER, at);
            assertEquals(ORDER, use.orderId());
            assertEquals(Coupon.State.USED, coupon.stateAt(at));
            assertEquals(ORDER, coupon.orderId().orElseThrow());
        }
    }

    @ParameterizedTest(name = "returned at +{0}h -> {1}")
    @CsvSource(textBlock = """
            1,   AVAILABLE
            168, EXPIRED
            """)
    void a_returned_coupon_is_back_in_the_wallet_expired_if_its_time_has_passed(long hours, Coupon.State shown) {
        Coupon coupon = coupon();
        CouponUse use = coupon.useFor("me", ORDER, CLAIMED);
        Instant at = CLAIMED.plus(Duration.ofHours(hours));
        coupon.returnFrom(use, at);
        assertEquals(shown, coupon.stateAt(at));
        assertEquals(at, use.returnedAt().orElseThrow());
        assertEquals("coupon-not-used-by-order", assertThrows(RuleViolation.class, () -> coupon.returnFrom(use, at)).type());
    }

    /** Claimed by "me" at CLAIMED, valid for 7 days. */
    private static Coupon coupon() {
        var template = CouponTemplate.create("merchant-1", "Week", CouponTerms.fixed(new Money(500, "CNY")), CouponScope.all(),
                Validity.daysAfterClaim(7), new ClaimLimits(5, 100), new Stacking(true, null), CLAIMED);
        EntityState.set(template, "id", 1L);
        return EntityState.set(template.handOut("me", 0, Coupon.Source.CLAIMED, CLAIMED), "id", 9L);
    }
}
