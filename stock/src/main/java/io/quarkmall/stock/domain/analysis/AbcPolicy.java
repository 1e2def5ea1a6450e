package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ABC classes by share of revenue: A are the fewest best sellers that together reach
 * {@code a} of the revenue (80%), B the next ones that bring the total to {@code b} (95%), C the
 * rest. A SKU's class thus depends on the share of the SKUs ranked above it: A while that is
 * below {@code a}, B while below {@code b}, C after. The best seller is always A.
 */
public final class AbcPolicy {

    public enum AbcClass { A, B, C }

    /** Cumulative revenue shares, as fractions, where A ends and where B ends. */
    public record Thresholds(double a, double b) {
        public static final Thresholds DEFAULT = new Thresholds(0.80, 0.95);

        public Thresholds {
            if (!(a > 0 && a < b && b <= 1)) {
                throw new RuleViolation("thresholds-out-of-order",
                        "ABC thresholds need 0 < a < b <= 1, not a = " + a + ", b = " + b);
            }
        }
    }

    private static final Comparator<Map.Entry<String, Money>> BEST_SELLER_FIRST =
            Comparator.<Map.Entry<String, Money>>comparingLong(entry -> entry.getValue().amountMinor()).reversed()
                    .thenComparing(Map.Entry::getKey);

    private AbcPolicy() {
    }

    /**
     * Each SKU's class, best seller first (ties by SKU). Revenue must share one currency. With no
     * revenue at all, every SKU is C.
     */
    public static Map<String, AbcClass> classify(Map<String, Money> revenueBySku, Thresholds thresholds) {
        String currency = revenueBySku.values().stream().map(Money::currency).findFirst().orElse(null);
        long total = 0;
        for (Money revenue : revenueBySku.values()) {
            if (!Objects.equals(revenue.currency(), currency)) {
                throw new RuleViolation("mixed-currencies", "ABC compares revenue in one currency, not "
                        + currency + " and " + revenue.currency());
            }
            total = Math.addExact(total, revenue.amountMinor());
        }
        Map<String, AbcClass> classes = new LinkedHashMap<>();
        long above = 0;
        for (var entry : revenueBySku.entrySet().stream().sorted(BEST_SELLER_FIRST).toList()) {
            classes.put(entry.getKey(), classOf(above, total, thresholds));
            above += entry.getValue().amountMinor();
        }
        return classes;
    }

    /** The class of a SKU whose better sellers earned {@code above} of {@code total}, compared exactly. */
    private static AbcClass classOf(long above, long total, Thresholds thresholds) {
        if (total == 0) {
            return AbcClass.C;
        }
        BigDecimal before = BigDecimal.valueOf(above);
        if (before.compareTo(BigDecimal.valueOf(thresholds.a()).multiply(BigDecimal.valueOf(total))) < 0) {
            return AbcClass.A;
        }
        return before.compareTo(BigDecimal.valueOf(thresholds.b()).multiply(BigDecimal.valueOf(total))) < 0
                ? AbcClass.B : AbcClass.C;
    }
}
