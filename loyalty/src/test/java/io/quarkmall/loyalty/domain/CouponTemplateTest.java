package io.quarkmall.loyalty.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.CouponTemplate.Status;
import io.quarkmall.stack.testing.EntityState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a template accepts when it is made, how its status moves, and when it hands out a coupon.
 * Plain Java, no database.
 */
class CouponTemplateTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest(name = "{0} off {1}, {2} bp, cap {3}, from {4} -> {5}")
    @CsvSource(nullValues = "none", textBlock = """
            # kind,    amount off, basis points, cap,  min subtotal, outcome
            FIXED,     2000,       0,            none, 0,            ok
            FIXED,     0,          0,            none, 0,            coupon-amount-off
            FIXED,     -1,         0,            none, 0,            coupon-amount-negative
            FIXED,     2000,       500,          none, 0,            coupon-percent-off
            FIXED,     2000,       0,            100,  0,            coupon-cap
            FIXED,     2000,       0,            none, 20000,        coupon-threshold
            PERCENT,   0,          1500,         none, 0,            ok
            PERCENT,   0,          10000,        3000, 0,            ok
            PERCENT,   0,          10001,        none, 0,            coupon-percent-off
            PERCENT,   0,          0,            none, 0,            coupon-percent-off
            PERCENT,   0,          1500,         0,    0,            coupon-amount-negative
            PERCENT,   500,        1500,         none, 0,            coupon-amount-off
            THRESHOLD, 2000,       0,            none, 20000,        ok
            THRESHOLD, 20000,      0,            none, 20000,        ok
            THRESHOLD, 20001,      0,            none, 20000,        coupon-threshold
            THRESHOLD, 2000,       0,            none, 0,            coupon-threshold
            THRESHOLD, 2000,       0,            none, -5,           coupon-amount-negative
            """)
    void terms_take_exactly_the_amounts_their_kind_uses(CouponTerms.Kind kind, long amountOff, int basisPoints, Long cap,
                                                       long minSubtotal, String outcome) {
        if (outcome.equals("ok")) {
            assertDoesNotThrow(() -> new CouponTerms(kind, "CNY", amountOff, basisPoints, cap, minSubtotal));
        } else {
            assertEquals(outcome, assertThrows(RuleViolation.class,
                    () -> new CouponTerms(kind, "CNY", amountOff, basisPoints, cap, minSubtotal)).type());
        }
    }

    @Test
    void an_unknown_currency_or_kind_is_refused() {
        assertEquals("coupon-currency", assertThrows(RuleViolation.class,
                () -> new CouponTerms(CouponTerms.Kind.FIXED, "XYZ", 100, 0, null, 0)).type());
        assertEquals("coupon-kind-missing", assertThrows(RuleViolation.class,
                () -> new CouponTerms(null, "CNY", 100, 0, null, 0)).type());
    }

    @ParameterizedTest(name = "from {0} to {1}, {2} days -> {3}")
    @CsvSource(nullValues = "none", textBlock = """
            2026-12-01T00:00:00Z, 2026-12-31T00:00:00Z, none, ok
            none,                 none,                 7,    ok
            2026-12-31T00:00:00Z, 2026-12-01T00:00:00Z, none, coupon-validity-reversed
            2026-12-01T00:00:00Z, 2026-12-01T00:00:00Z, none, coupon-validity-reversed
            2026-12-01T00:00:00Z, none,                 none, coupon-validity-unclear
            none,                 none,                 none, coupon-validity-unclear
            2026-12-01T00:00:00Z, 2026-12-31T00:00:00Z, 7,    coupon-validity-unclear
            none,                 none,                 0,    coupon-validity-days
            none,                 none,                 3651, coupon-validity-days
            """)
    void validity_is_a_window_or_a_number_of_days(Instant from, Instant to, Integer days, String outcome) {
        if (outcome.equals("ok")) {
            assertDoesNotThrow(() -> new Validity(from, to, days));
        } else {
            assertEquals(outcome, assertThrows(RuleViolation.class, () -> new Validity(from, to, days)).type());
        }
    }

    @Test
    void a_coupon_is_valid_in_the_window_or_for_its_days_from_the_claim() {
        var window = Validity.between(NOW.minusSeconds(60), NOW.plusSeconds(60));
        assertEquals(new Validity.Window(NOW.minusSeconds(60), NOW.plusSeconds(60)), window.windowFor(NOW));
        assertEquals(new Validity.Window(NOW, NOW.plus(Duration.ofDays(7))), Validity.daysAfterClaim(7).windowFor(NOW));
    }

    @Test
    void a_scope_names_targets_unless_it_covers_everything() {
        assertEquals("coupon-scope", assertThrows(RuleViolation.class,
                () -> new CouponScope(CouponScope.Kind.ALL, List.of("food"))).type());
        assertEquals("coupon-scope", assertThrows(RuleViolation.class,
                () -> new CouponScope(CouponScope.Kind.CATEGORY, List.of())).type());
        assertEquals(List.of("a", "b"), new CouponScope(CouponScope.Kind.PRODUCT, List.of("b", "a", "b")).targets());
    }

    @Test
    void limits_are_positive_and_one_shoppers_within_the_total() {
        assertEquals("coupon-limits", assertThrows(RuleViolation.class, () -> new ClaimLimits(0, 10)).type());
        assertEquals("coupon-limits", assertThrows(RuleViolation.class, () -> new ClaimLimits(3, 2)).type());
    }

    enum Step {
        PAUSE, RESUME, END, CLAIM, ISSUE;

        void apply(CouponTemplate template) {
            switch (this) {
                case PAUSE -> template.pause(NOW);
                case RESUME -> template.resume(NOW);
                case END -> template.end(NOW);
                case CLAIM -> template.handOut("shopper-1", 0, Coupon.Source.CLAIMED, NOW);
                case ISSUE -> template.handOut("shopper-1", 0, Coupon.Source.ISSUED, NOW);
            }
        }
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(textBlock = """
            # status, step,   status after or refusal
            ACTIVE,   PAUSE,  PAUSED
            ACTIVE,   RESUME, refused: coupon-template-not-paused
            ACTIVE,   END,    ENDED
            ACTIVE,   CLAIM,  ACTIVE
            ACTIVE,   ISSUE,  ACTIVE
            PAUSED,   PAUSE,  refused: coupon-template-not-active
            PAUSED,   RESUME, ACTIVE
            PAUSED,   END,    ENDED
            PAUSED,   CLAIM,  refused: coupon-template-not-active
            PAUSED,   ISSUE,  PAUSED
            ENDED,    PAUSE,  refused: coupon-template-not-active
            ENDED,    RESUME, refused: coupon-template-not-paused
            ENDED,    END,    refused: coupon-template-ended
            ENDED,    CLAIM,  refused: coupon-template-not-active
            ENDED,    ISSUE,  refused: coupon-template-not-active
            """)
    void a_templates_status_moves_and_hands_out_as_allowed(Status from, Step step, String outcome) {
        CouponTemplate template = template(new ClaimLimits(1, 10), Validity.daysAfterClaim(7));
        EntityState.set(template, "status", from);
        if (outcome.startsWith("refused: ")) {
            var refused = assertThrows(RuleViolation.class, () -> step.apply(template));
            assertEquals(outcome.substring("refused: ".length()), refused.type());
            assertEquals(from, template.status());
            assertEquals(0, template.issued());
        } else {
            step.apply(template);
            assertEquals(Status.valueOf(outcome), template.status());
            assertEquals(step == Step.CLAIM || step == Step.ISSUE ? 1 : 0, template.issued());
        }
    }

    @Test
    void hand_outs_stop_at_the_total_and_at_each_shoppers_limit() {
        CouponTemplate template = template(new ClaimLimits(2, 3), Validity.daysAfterClaim(7));
        template.handOut("a", 0, Coupon.Source.CLAIMED, NOW);
        template.handOut("a", 1, Coupon.Source.CLAIMED, NOW);
        assertEquals("coupon-limit-reached", assertThrows(RuleViolation.class,
                () -> template.handOut("a", 2, Coupon.Source.ISSUED, NOW)).type());
        Coupon third = template.handOut("b", 0, Coupon.Source.CLAIMED, NOW);
        assertEquals("coupon-template-sold-out", assertThrows(RuleViolation.class,
                () -> template.handOut("c", 0, Coupon.Source.CLAIMED, NOW)).type());
        assertEquals(3, template.issued());
        assertEquals(NOW.plus(Duration.ofDays(7)), third.expiresAt());
        assertEquals(Coupon.State.AVAILABLE, third.stateAt(NOW));
        assertEquals(Coupon.State.EXPIRED, third.stateAt(third.expiresAt()));
    }

    @Test
    void nothing_is_handed_out_once_a_fixed_window_is_over() {
        CouponTemplate template = template(new ClaimLimits(1, 10), Validity.between(NOW.minusSeconds(60), NOW));
        assertEquals("coupon-template-over", assertThrows(RuleViolation.class,
                () -> template.handOut("a", 0, Coupon.Source.CLAIMED, NOW)).type());
    }

    private static CouponTemplate template(ClaimLimits limits, Validity validity) {
        var template = CouponTemplate.create("merchant-1", "Spring sale", CouponTerms.fixed(new Money(500, "CNY")),
                CouponScope.all(), validity, limits, new Stacking(true, null), NOW);
        return EntityState.set(template, "id", 42L);
    }
}
