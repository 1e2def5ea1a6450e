package io.quarkmall.loyalty.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.CouponPolicy.Candidate;
import io.quarkmall.loyalty.domain.CouponPolicy.Line;
import io.quarkmall.loyalty.domain.CouponQuote.Applied;
import io.quarkmall.loyalty.domain.CouponQuote.LineTotal;
import io.quarkmall.loyalty.domain.CouponQuote.NotApplied;
import io.quarkmall.loyalty.domain.CouponQuote.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The quote, row by row: a cart ({@code sku@category:quantity x unit price} in CNY fen, category
 * {@code -} for unknown), the coupons chosen in order (named below, ids 1, 2, ... in that order,
 * with {@code !expired}, {@code !early}, {@code !used}, {@code !usd} or {@code !foreign}), what
 * each coupon comes to (its discount, or the reason it does not apply) and what each line takes off.
 * Plain Java, no database.
 */
class CouponPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String ME = "shopper-me";

    private static final Map<String, Fixture> COUPONS = Map.ofEntries(
            Map.entry("F20", new Fixture(CouponTerms.fixed(cny(2000)), CouponScope.all(), new Stacking(true, null))),
            Map.entry("F50", new Fixture(CouponTerms.fixed(cny(5000)), CouponScope.all(), new Stacking(true, null))),
            Map.entry("P10", new Fixture(CouponTerms.percent("CNY", 1000, null), CouponScope.all(), new Stacking(true, null))),
            Map.entry("P10C5", new Fixture(CouponTerms.percent("CNY", 1000, 500L), CouponScope.all(), new Stacking(true, null))),
            Map.entry("P100", new Fixture(CouponTerms.percent("CNY", 10_000, null), CouponScope.all(), new Stacking(true, null))),
            Map.entry("T20AT200", new Fixture(CouponTerms.threshold(cny(2000), cny(20_000)), CouponScope.all(), new Stacking(true, null))),
            Map.entry("T20AT200FOOD", new Fixture(CouponTerms.threshold(cny(2000), cny(20_000)),
                    new CouponScope(CouponScope.Kind.CATEGORY, List.of("food")), new Stacking(true, null))),
            Map.entry("F10FOOD", new Fixture(CouponTerms.fixed(cny(1000)),
                    new CouponScope(CouponScope.Kind.CATEGORY, List.of("food")), new Stacking(true, null))),
            Map.entry("F10SHOES", new Fixture(CouponTerms.fixed(cny(1000)),
                    new CouponScope(CouponScope.Kind.CATEGORY, List.of("shoes")), new Stacking(true, null))),
            Map.entry("F10SKUB", new Fixture(CouponTerms.fixed(cny(1000)),
                    new CouponScope(CouponScope.Kind.PRODUCT, List.of("B")), new Stacking(true, null))),
            Map.entry("SOLO", new Fixture(CouponTerms.fixed(cny(1000)), CouponScope.all(), new Stacking(false, null))),
            Map.entry("NEW10", new Fixture(CouponTerms.fixed(cny(1000)), CouponScope.all(), new Stacking(true, "newcomer"))),
            Map.entry("NEW5PCT", new Fixture(CouponTerms.percent("CNY", 500, null), CouponScope.all(), new Stacking(true, "newcomer"))));

    private record Fixture(CouponTerms terms, CouponScope scope, Stacking stacking) {}

    @ParameterizedTest(name = "[{index}] {0}: {1} | {2} -> {3} | lines {4}")
    @CsvSource(nullValues = "none", textBlock = """
            # what,                          cart,                           coupons,             each coupon,                    each line
            fixed amount,                    A@food:1x10000,                 F20,                 2000,                           2000
            fixed more than the cart,        A@food:1x1500,                  F20,                 1500,                           1500
            percent rounds down,             A@-:1x12345,                    P10,                 1234,                           1234
            percent over its cap,            A@-:1x10000,                    P10C5,               500,                            500
            percent under its cap,           A@-:1x4000,                     P10C5,               400,                            400
            percent of the whole,            A@-:3x333,                      P100,                999,                            999
            threshold just below,            A@-:1x19999,                    T20AT200,            BELOW_THRESHOLD,                0
            threshold exactly met,           A@-:1x20000,                    T20AT200,            2000,                           2000
            threshold above,                 A@-:2x15000,                    T20AT200,            2000,                           2000
            threshold of the scope only,     A@food:1x15000 B@toys:1x10000,  T20AT200FOOD,        BELOW_THRESHOLD,                0 0
            threshold on the scoped lines,   A@food:2x10000 B@toys:1x10000,  T20AT200FOOD,        2000,                           2000 0
            category in scope,               A@food:1x3000 B@toys:1x5000,    F10FOOD,             1000,                           1000 0
            category out of scope,           A@food:1x3000,                  F10SHOES,            OUT_OF_SCOPE,                   0
            unknown category,                A@-:1x3000,                     F10FOOD,             OUT_OF_SCOPE,                   0
            product by SKU,                  A@food:1x3000 B@toys:1x5000,    F10SKUB,             1000,                           0 1000
            split in proportion,             A@-:1x3000 B@-:1x1000,          F20,                 2000,                           1500 500
            split remainder to first lines,  A@-:1x1000 B@-:1x1000 C@-:1x1000, F20,               2000,                           667 667 666
            stackable coupons combine,       A@-:1x10000,                    F20 P10,             2000 1000,                      3000
            not stackable after another,     A@-:1x10000,                    F20 SOLO,            2000 NOT_STACKABLE,             2000
            not stackable first,             A@-:1x10000,                    SOLO F20,            1000 NOT_STACKABLE,             1000
            one per exclusive group,         A@-:1x10000,                    NEW10 NEW5PCT,       1000 SAME_EXCLUSIVE_GROUP,      1000
            group beside an ungrouped one,   A@-:1x10000,                    NEW10 F20,           1000 2000,                      3000
            a refused coupon blocks nothing, A@-:1x10000,                    SOLO!expired F20,    EXPIRED 2000,                   2000
            expired,                         A@-:1x10000,                    F20!expired,         EXPIRED,                        0
            not yet valid,                   A@-:1x10000,                    F20!early,           NOT_YET_VALID,                  0
            already used,                    A@-:1x10000,                    F20!used,            ALREADY_USED,                   0
            other currency,                  A@-:1x10000,                    F20!usd,             OTHER_CURRENCY,                 0
            second takes what is left,       A@-:1x3000,                     F20 F20,             2000 1000,                      3000
            nothing left to take,            A@-:1x2000,                     F20 F50,             2000 NOTHING_LEFT,              2000
            left after a percentage,         A@-:1x2000,                     P100 F20,            2000 NOTHING_LEFT,              2000
            no coupons,                      A@-:1x2000,                     none,                none,                           0
            """)
    void the_quote_applies_each_rule(String what, String cart, String chosen, String outcomes, String lineDiscounts) {
        CouponQuote quote = CouponPolicy.quote(ME, NOW, cart(cart), coupons(chosen));

        assertEquals(words(outcomes), outcomesOf(quote), what);
        assertEquals(words(lineDiscounts), quote.lines().stream().map(l -> Long.toString(l.discount().amountMinor())).toList(), what);
        holdsTogether(quote);
    }

    @Test
    void another_shoppers_coupon_refuses_the_whole_quote() {
        var refused = assertThrows(RuleViolation.class,
                () -> CouponPolicy.quote(ME, NOW, cart("A@-:1x10000"), coupons("F20 F50!foreign")));
        assertEquals("coupon-not-yours", refused.type());
        assertEquals("Coupon 2 is not in your wallet.", refused.getMessage());
    }

    @Test
    void a_coupon_chosen_twice_is_refused() {
        var twice = List.of(candidate("F20", 7), candidate("F50", 7));
        assertEquals("coupon-chosen-twice", assertThrows(RuleViolation.class,
                () -> CouponPolicy.quote(ME, NOW, cart("A@-:1x10000"), twice)).type());
    }

    @Test
    void lines_in_two_currencies_are_refused() {
        var lines = List.of(new Line("A", null, 1, cny(100)), new Line("B", null, 1, new Money(100, "USD")));
        assertEquals("mixed-currencies", assertThrows(RuleViolation.class,
                () -> CouponPolicy.quote(ME, NOW, lines, List.of())).type());
    }

    @Test
    void each_discount_says_why_it_applies_or_not() {
        CouponQuote quote = CouponPolicy.quote(ME, NOW, cart("A@food:1x15000 B@toys:1x1000"),
                coupons("T20AT200FOOD P10C5 F20 SOLO"));
        assertEquals(List.of("10% off, at most CNY 5.00 on every product (CNY 160.00 in scope).",
                        "CNY 20.00 off on every product (CNY 160.00 in scope)."),
                quote.applied().stream().map(Applied::why).toList());
        assertEquals(List.of("CNY 150.00 of category food is CNY 50.00 short of CNY 200.00.",
                        "It cannot be combined with coupon 2 (P10C5): one of them does not stack."),
                quote.notApplied().stream().map(NotApplied::why).toList());
    }

    @Test
    void a_coupon_cut_to_what_is_left_says_so() {
        Applied second = CouponPolicy.quote(ME, NOW, cart("A@-:1x3000"), coupons("F20 F20")).applied().get(1);
        assertEquals("CNY 20.00 off on every product (CNY 30.00 in scope); only CNY 10.00 was left to discount on those lines.",
                second.why());
    }

    @Test
    void a_set_with_a_coupon_that_does_not_stack_is_refused_for_an_order() {
        CouponPolicy.requireStackable(coupons("F20 P10 NEW10"));
        assertEquals("coupons-do-not-stack", assertThrows(RuleViolation.class,
                () -> CouponPolicy.requireStackable(coupons("F20 SOLO"))).type());
        assertEquals("coupons-do-not-stack", assertThrows(RuleViolation.class,
                () -> CouponPolicy.requireStackable(coupons("NEW10 NEW5PCT"))).type());
    }

    /** Totals add up, every line and the total stay at or above zero, every share belongs to its coupon. */
    private static void holdsTogether(CouponQuote quote) {
        long lineDiscounts = quote.lines().stream().mapToLong(l -> l.discount().amountMinor()).sum();
        long applied = quote.applied().stream().mapToLong(a -> a.amount().amountMinor()).sum();
        assertEquals(quote.discount().amountMinor(), lineDiscounts);
        assertEquals(quote.discount().amountMinor(), applied);
        assertEquals(quote.subtotal().amountMinor() - quote.discount().amountMinor(), quote.total().amountMinor());
        for (LineTotal line : quote.lines()) {
            assertEquals(line.subtotal().amountMinor() - line.discount().amountMinor(), line.total().amountMinor());
        }
        for (Applied a : quote.applied()) {
            assertEquals(a.amount().amountMinor(), a.lines().stream().mapToLong(s -> s.amount().amountMinor()).sum());
            assertTrue(a.amount().amountMinor() > 0);
        }
    }

    private static List<String> outcomesOf(CouponQuote quote) {
        var outcomes = new ArrayList<Map.Entry<Long, String>>();
        quote.applied().forEach(a -> outcomes.add(Map.entry(a.couponId(), Long.toString(a.amount().amountMinor()))));
        quote.notApplied().forEach(n -> outcomes.add(Map.entry(n.couponId(), n.reason().name())));
        return outcomes.stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    private static List<Line> cart(String spec) {
        return words(spec).stream().map(line -> {
            String[] skuRest = line.split("@");
            String[] categoryRest = skuRest[1].split(":");
            String[] quantityPrice = categoryRest[1].split("x");
            return new Line(skuRest[0], categoryRest[0].equals("-") ? null : categoryRest[0],
                    Integer.parseInt(quantityPrice[0]), cny(Long.parseLong(quantityPrice[1])));
        }).toList();
    }

    private static List<Candidate> coupons(String spec) {
        List<String> names = words(spec);
        var coupons = new ArrayList<Candidate>();
        for (int i = 0; i < names.size(); i++) {
            coupons.add(candidate(names.get(i), i + 1));
        }
        return coupons;
    }

    private static Candidate candidate(String spec, long id) {
        String[] nameAndMark = spec.split("!");
        String name = nameAndMark[0];
        String mark = nameAndMark.length > 1 ? nameAndMark[1] : "";
        Fixture f = COUPONS.get(name);
        CouponTerms terms = mark.equals("usd")
                ? new CouponTerms(f.terms().kind(), "USD", f.terms().amountOffMinor(), f.terms().percentOffBasisPoints(),
                        f.terms().capMinor(), f.terms().minSubtotalMinor())
                : f.terms();
        Instant from = mark.equals("early") ? NOW.plusSeconds(1) : NOW.minus(Duration.ofDays(1));
        Instant until = mark.equals("expired") ? NOW : NOW.plus(Duration.ofDays(1));
        return new Candidate(id, mark.equals("foreign") ? "shopper-else" : ME, name, terms, f.scope(), f.stacking(),
                from, until, mark.equals("used"));
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toList());
    }

    private static Money cny(long minor) {
        return new Money(minor, "CNY");
    }
}
