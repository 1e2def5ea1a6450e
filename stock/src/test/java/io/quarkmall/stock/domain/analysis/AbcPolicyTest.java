package io.quarkmall.stock.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.stock.domain.analysis.AbcPolicy.Thresholds;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbcPolicyTest {

    /** "a:50 b:30" as revenue in CNY, in no particular order. */
    private static Map<String, Money> revenue(String skus) {
        Map<String, Money> revenue = new HashMap<>();
        for (String sku : skus.split(" ")) {
            String[] parts = sku.split(":");
            revenue.put(parts[0], new Money(Long.parseLong(parts[1]), "CNY"));
        }
        return revenue;
    }

    private static String classes(Map<String, AbcPolicy.AbcClass> classes) {
        return classes.entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0} at A < {1}, B < {2} -> {3}")
    @CsvSource(textBlock = """
            # revenue,             A ends, B ends, classes best seller first
            d:5 c:15 b:30 a:50,    0.80,   0.95,   a:A b:A c:B d:C
            a:80 b:15 c:5,         0.80,   0.95,   a:A b:B c:C
            a:79 b:16 c:5,         0.80,   0.95,   a:A b:A c:C
            a:79 b:15 c:6,         0.80,   0.95,   a:A b:A c:B
            a:90 b:5 c:5,          0.80,   0.95,   a:A b:B c:C
            a:100,                 0.80,   0.95,   a:A
            a:100 b:0,             0.80,   1.0,    a:A b:C
            b:50 a:50,             0.80,   0.95,   a:A b:A
            a:0 b:0,               0.80,   0.95,   a:C b:C
            a:50 b:40 c:10,        0.50,   0.90,   a:A b:B c:C
            """)
    void the_fewest_best_sellers_reaching_each_share_make_the_class(String revenue, double a, double b, String expected) {
        assertEquals(expected, classes(AbcPolicy.classify(revenue(revenue), new Thresholds(a, b))));
    }

    @ParameterizedTest(name = "A ends at {0}, B at {1} is refused")
    @CsvSource(textBlock = """
            0.8, 0.8
            0.9, 0.8
            0,   0.5
            0.5, 1.1
            NaN, 0.9
            """)
    void thresholds_out_of_order_are_refused(double a, double b) {
        var refused = assertThrows(RuleViolation.class, () -> new Thresholds(a, b));
        assertEquals("thresholds-out-of-order", refused.type());
    }

    @Test
    void revenue_in_two_currencies_is_refused() {
        var revenue = Map.of("a", new Money(10, "CNY"), "b", new Money(10, "USD"));
        var refused = assertThrows(RuleViolation.class, () -> AbcPolicy.classify(revenue, Thresholds.DEFAULT));
        assertEquals("mixed-currencies", refused.type());
    }

    @ParameterizedTest(name = "{0} SKUs with equal revenue -> the first {1} are A")
    @CsvSource({"10, 8", "5, 4", "3, 3"})
    void equal_sellers_are_a_until_the_share_above_them_reaches_eighty_percent(int skus, long a) {
        Map<String, Money> revenue = new HashMap<>();
        for (int i = 0; i < skus; i++) {
            revenue.put("sku-" + (char) ('a' + i), new Money(100, "CNY"));
        }
        long classA = AbcPolicy.classify(revenue, Thresholds.DEFAULT).values().stream()
                .filter(AbcPolicy.AbcClass.A::equals).count();
        assertEquals(a, classA);
    }
}
