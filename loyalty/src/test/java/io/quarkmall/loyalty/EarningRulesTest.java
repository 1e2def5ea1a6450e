package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.EarningOccasion;
import io.quarkmall.loyalty.domain.EarningPolicy;
import io.quarkmall.loyalty.domain.EarningRules;
import io.quarkmall.loyalty.domain.EarningRules.Rule;
import io.quarkmall.loyalty.domain.EarningTrigger;
import io.quarkmall.loyalty.domain.Purchase;
import io.quarkmall.loyalty.domain.Purchase.Line;
import io.quarkmall.loyalty.domain.RuleDefinition;
import io.quarkmall.loyalty.domain.RuleScope;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EarningRulesTest {

    private static final Instant PAID_AT = Instant.parse("2026-11-11T04:00:00Z");
    private static final EarningPolicy ONE_PER_YUAN = new EarningPolicy(1);

    /** ¥200 paid: 2 × TEA at ¥50 and 1 × CUP at ¥100, so 200 base points, 100 for each SKU. */
    private static final Purchase ORDER = new Purchase(cny(20_000),
            List.of(new Line("TEA", 2, cny(5_000)), new Line("CUP", 1, cny(10_000))), PAID_AT);

    private static Money cny(long fen) {
        return new Money(fen, "CNY");
    }

    /** A rule as a test writes it: ALL on PAID unless said otherwise. */
    private record R(EarningTrigger trigger, Integer window, RuleScope scope, String sku, Integer times, Long bonus,
                     Money minimum, Instant from, Instant to, int priority, boolean stop) {
        static R all() {
            return new R(EarningTrigger.PAID, null, RuleScope.ALL, null, null, null, null, null, null, 0, false);
        }

        static R product(String sku) {
            return new R(EarningTrigger.PAID, null, RuleScope.PRODUCT, sku, null, null, null, null, null, 0, false);
        }

        R times(int basisPoints) {
            return new R(trigger, window, scope, sku, basisPoints, bonus, minimum, from, to, priority, stop);
        }

        R bonus(long perUnit) {
            return new R(trigger, window, scope, sku, times, perUnit, minimum, from, to, priority, stop);
        }

        R minimum(Money amount) {
            return new R(trigger, window, scope, sku, times, bonus, amount, from, to, priority, stop);
        }

        R during(Instant start, Instant end) {
            return new R(trigger, window, scope, sku, times, bonus, minimum, start, end, priority, stop);
        }

        R priority(int value) {
            return new R(trigger, window, scope, sku, times, bonus, minimum, from, to, value, stop);
        }

        R stopping() {
            return new R(trigger, window, scope, sku, times, bonus, minimum, from, to, priority, true);
        }

        R on(EarningTrigger grantOn, Integer days) {
            return new R(grantOn, days, scope, sku, times, bonus, minimum, from, to, priority, stop);
        }

        Rule id(long id) {
            return new Rule(id, new RuleDefinition("rule " + id, trigger, window, scope, sku, times, bonus, minimum, from, to,
                    priority, stop));
        }
    }

    record Row(String name, List<Rule> rules, EarningOccasion occasion, int tier, Purchase order, long points,
               List<Long> applied) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Row row(String name, List<Rule> rules, long points, List<Long> applied) {
        return new Row(name, rules, EarningOccasion.PAID, EarningRules.ONE, ORDER, points, applied);
    }

    static Stream<Row> table() {
        Instant before = PAID_AT.minusSeconds(3600);
        Instant after = PAID_AT.plusSeconds(3600);
        return Stream.of(
                row("no rules: the EarningPolicy's points on payment", List.of(), 200, List.of()),
                new Row("no rules: nothing on completion", List.of(), EarningOccasion.COMPLETED, EarningRules.ONE, ORDER, 0, List.of()),
                row("an ALL double doubles every line", List.of(R.all().times(20_000).id(1)), 400, List.of(1L)),
                row("a PRODUCT triple triples its SKU only", List.of(R.product("TEA").times(30_000).id(1)), 400, List.of(1L)),
                row("a multiplier of 0 leaves a SKU out", List.of(R.product("TEA").times(0).id(1)), 100, List.of(1L)),
                row("a bonus per unit adds bonus × quantity", List.of(R.product("TEA").bonus(7).id(1)), 214, List.of(1L)),
                row("the higher priority multiplier sets the line's rate",
                        List.of(R.all().times(20_000).priority(5).id(2), R.product("TEA").times(30_000).priority(10).id(1)),
                        500, List.of(1L, 2L)),
                row("a lower priority multiplier does not override a higher one",
                        List.of(R.all().times(20_000).priority(5).id(2), R.product("TEA").times(30_000).priority(1).id(1)),
                        400, List.of(2L, 1L)),
                row("equal priorities: the older rule first",
                        List.of(R.all().times(20_000).id(7), R.all().times(30_000).id(3)), 600, List.of(3L, 7L)),
                row("bonuses of several rules add up",
                        List.of(R.all().bonus(1).priority(1).id(1), R.product("CUP").bonus(10).id(2)), 213, List.of(1L, 2L)),
                row("a stop rule keeps lower rules off its lines",
                        List.of(R.all().times(20_000).priority(10).stopping().id(1), R.product("TEA").bonus(10).id(2)),
                        400, List.of(1L)),
                row("without the stop flag the lower rule applies too",
                        List.of(R.all().times(20_000).priority(10).id(1), R.product("TEA").bonus(10).id(2)),
                        420, List.of(1L, 2L)),
                row("a stop on one SKU leaves the other lines to lower rules",
                        List.of(R.product("TEA").times(15_000).priority(10).stopping().id(1), R.all().bonus(1).id(2)),
                        251, List.of(1L, 2L)),
                row("a stop rule that covers no line stops nothing",
                        List.of(R.product("RICE").times(0).priority(10).stopping().id(1), R.all().times(20_000).id(2)),
                        400, List.of(2L)),
                row("a minimum above the total keeps the rule off",
                        List.of(R.all().times(20_000).minimum(cny(20_001)).id(1)), 200, List.of()),
                row("a total equal to the minimum meets it",
                        List.of(R.all().times(20_000).minimum(cny(20_000)).id(1)), 400, List.of(1L)),
                row("a minimum in another currency is not met",
                        List.of(R.all().times(20_000).minimum(new Money(1, "USD")).id(1)), 200, List.of()),
                row("a campaign that had not begun when the order was paid does not apply",
                        List.of(R.all().times(20_000).during(after, null).id(1)), 200, List.of()),
                row("a campaign that ended when the order was paid does not apply (its end is exclusive)",
                        List.of(R.all().times(20_000).during(before, PAID_AT).id(1)), 200, List.of()),
                row("a campaign that began as the order was paid applies",
                        List.of(R.all().times(20_000).during(PAID_AT, after).id(1)), 400, List.of(1L)),
                row("a rule for completion does not touch payment",
                        List.of(R.all().times(20_000).on(EarningTrigger.COMPLETED, null).id(1)), 200, List.of()),
                new Row("a rule for completion grants on completion",
                        List.of(R.all().times(10_000).on(EarningTrigger.COMPLETED, null).id(1), R.all().times(20_000).id(2)),
                        EarningOccasion.COMPLETED, EarningRules.ONE, ORDER, 200, List.of(1L)),
                new Row("a return-window rule grants when its window closes",
                        List.of(R.product("TEA").bonus(50).on(EarningTrigger.RETURN_WINDOW_CLOSED, 7).id(1)),
                        EarningOccasion.returnWindowClosed(7), EarningRules.ONE, ORDER, 100, List.of(1L)),
                new Row("a return-window rule waits for its own window only",
                        List.of(R.product("TEA").bonus(50).on(EarningTrigger.RETURN_WINDOW_CLOSED, 7).id(1)),
                        EarningOccasion.returnWindowClosed(14), EarningRules.ONE, ORDER, 0, List.of()),
                new Row("the tier multiplies what the order earns", List.of(), EarningOccasion.PAID, 15_000, ORDER, 300, List.of()),
                new Row("the tier multiplies bonuses too", List.of(R.all().bonus(10).id(1)), EarningOccasion.PAID, 15_000, ORDER,
                        345, List.of(1L)),
                new Row("an order without lines earns on its total; PRODUCT rules and unit bonuses find nothing",
                        List.of(R.product("TEA").times(30_000).id(1), R.all().bonus(5).id(2)), EarningOccasion.PAID,
                        EarningRules.ONE, new Purchase(cny(19_999), List.of(), PAID_AT), 199, List.of(2L)),
                new Row("shares of the base add up to the EarningPolicy's points (largest remainder)", List.of(),
                        EarningOccasion.PAID, EarningRules.ONE, new Purchase(cny(200),
                        List.of(new Line("A", 1, cny(50)), new Line("B", 1, cny(150))), PAID_AT), 2, List.of()),
                new Row("a doubled line doubles its share of the base",
                        List.of(R.product("A").times(20_000).id(1)), EarningOccasion.PAID, EarningRules.ONE,
                        new Purchase(cny(9_999), List.of(new Line("A", 1, cny(3_333)), new Line("B", 1, cny(3_333)),
                                new Line("C", 1, cny(3_333))), PAID_AT), 132, List.of(1L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void an_order_earns_what_the_rules_grant_on_the_occasion(Row row) {
        var earning = new EarningRules(ONE_PER_YUAN, row.rules()).evaluate(row.occasion(), row.order(), row.tier());

        assertEquals(row.points(), earning.points());
        assertEquals(row.applied(), earning.appliedRules());
    }

    @Test
    void a_rule_with_a_negative_multiplier_or_bonus_or_a_period_ending_before_it_begins_is_refused() {
        assertThrows(RuleViolation.class, () -> R.all().times(-1).id(1));
        assertThrows(RuleViolation.class, () -> R.all().bonus(-1).id(1));
        assertThrows(RuleViolation.class, () -> R.all().times(20_000).during(PAID_AT, PAID_AT.minusSeconds(1)).id(1));
        assertThrows(RuleViolation.class, () -> R.all().times(20_000).during(PAID_AT, PAID_AT).id(1));
    }

    @Test
    void a_rule_must_fit_its_trigger_and_scope_and_set_something() {
        assertThrows(RuleViolation.class, () -> R.all().id(1));
        assertThrows(RuleViolation.class, () -> R.product(null).times(20_000).id(1));
        assertThrows(RuleViolation.class, () -> R.all().times(20_000).on(EarningTrigger.RETURN_WINDOW_CLOSED, null).id(1));
        assertThrows(RuleViolation.class, () -> R.all().times(20_000).on(EarningTrigger.PAID, 7).id(1));
        assertThrows(RuleViolation.class, () -> R.all().times(20_000).on(EarningTrigger.RETURN_WINDOW_CLOSED, 0).id(1));
    }
}
