package io.quarkmall.loyalty.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an order earns on one occasion under the operator's rules and the shopper's tier.
 *
 * <p>The order's base points are today's {@link EarningPolicy} on the amount paid, shared among its
 * lines in proportion to their subtotals (largest remainder, so the shares add up to the base). The
 * rules that grant on the occasion, were active when the order was paid and whose minimum the
 * total reaches are taken by priority (highest first, then oldest). On each line a rule covers:
 * the first multiplier to reach the line sets its rate (no rule: the occasion's default, the base
 * on payment and nothing later), every bonus per unit adds bonus × quantity, and after a stop rule
 * no lower rule touches the line. A line earns share × rate / 10000 (rounded down) plus its
 * bonuses; the order earns the sum times the tier's multiplier / 10000 (rounded down).
 * With no rules an order earns exactly the EarningPolicy's points on payment.
 */
public final class EarningRules {

    /** 10000 basis points: once the base points. */
    public static final int ONE = 10_000;

    /** An operator's rule with its id, which the earning names when the rule applied. */
    public record Rule(long id, RuleDefinition definition) {}

    /** The points granted and the ids of the rules that applied, in the order they applied. */
    public record Earning(long points, List<Long> appliedRules) {}

    private static final Comparator<Rule> BY_PRIORITY = Comparator
            .comparingInt((Rule rule) -> rule.definition().priority()).reversed().thenComparingLong(Rule::id);

    private final EarningPolicy base;
    private final List<Rule> rules;

    public EarningRules(EarningPolicy base, List<Rule> rules) {
        this.base = base;
        this.rules = rules.stream().sorted(BY_PRIORITY).toList();
    }

    public Earning evaluate(EarningOccasion occasion, Purchase purchase, int tierMultiplierBasisPoints) {
        List<Purchase.Line> lines = purchase.lines().isEmpty()
                ? List.of(new Purchase.Line(null, 0, purchase.total())) // an order naming no lines: one line, no units
                : purchase.lines();
        long[] shares = shares(base.pointsFor(purchase.total()), lines);
        List<LineEarning> earnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            earnings.add(new LineEarning(lines.get(i), shares[i], occasion.defaultMultiplier()));
        }
        List<Long> applied = new ArrayList<>();
        for (Rule rule : rules) {
            RuleDefinition terms = rule.definition();
            if (terms.grantsOn(occasion) && terms.appliesTo(purchase.total(), purchase.paidAt())
                    && applyToLines(terms, earnings)) {
                applied.add(rule.id());
            }
        }
        long points = earnings.stream().mapToLong(LineEarning::points).reduce(0, Math::addExact);
        return new Earning(fraction(points, tierMultiplierBasisPoints, ONE), List.copyOf(applied));
    }

    /** True if the rule touched at least one line. */
    private static boolean applyToLines(RuleDefinition terms, List<LineEarning> earnings) {
        boolean touched = false;
        for (LineEarning line : earnings) {
            touched |= line.apply(terms);
        }
        return touched;
    }

    /** What one line earns as the rules reach it. */
    private static final class LineEarning {
        private final Purchase.Line line;
        private final long share;
        private int rate;
        private boolean rated;
        private boolean stopped;
        private long bonus;

        LineEarning(Purchase.Line line, long share, int defaultRate) {
            this.line = line;
            this.share = share;
            this.rate = defaultRate;
        }

        /** Applies the rule if it may still touch this line and covers it; true if it did. */
        boolean apply(RuleDefinition terms) {
            if (stopped || !terms.covers(line.sku())) {
                return false;
            }
            if (terms.multiplierBasisPoints() != null && !rated) {
                rate = terms.multiplierBasisPoints();
                rated = true;
            }
            if (terms.bonusPerUnit() != null) {
                bonus = Math.addExact(bonus, Math.multiplyExact(terms.bonusPerUnit(), line.quantity()));
            }
            stopped = terms.stop();
            return true;
        }

        long points() {
            return Math.addExact(fraction(share, rate, ONE), bonus);
        }
    }

    /** {@code total} shared in proportion to the lines' subtotals, the remainder to the largest fractions. */
    private static long[] shares(long total, List<Purchase.Line> lines) {
        long[] shares = new long[lines.size()];
        long weightSum = lines.stream().mapToLong(Purchase.Line::subtotalMinor).reduce(0, Math::addExact);
        if (weightSum == 0) {
            shares[0] = total;
            return shares;
        }
        long[] remainders = new long[lines.size()];
        long given = 0;
        for (int i = 0; i < lines.size(); i++) {
            BigInteger[] division = BigInteger.valueOf(total).multiply(BigInteger.valueOf(lines.get(i).subtotalMinor()))
                    .divideAndRemainder(BigInteger.valueOf(weightSum));
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1].longValueExact();
            given += shares[i];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.comparingLong((Integer i) -> remainders[i]).reversed().thenComparingInt(i -> i));
        for (int k = 0; given < total; k++, given++) {
            shares[byRemainder.get(k)]++;
        }
        return shares;
    }

    private static long fraction(long amount, long numerator, long denominator) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
    }
}
