package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Whether an order's lines can all be held from the given stock levels: all of them or none.
 * Pure: the caller has locked the levels, so the answer stays true until it commits.
 */
public final class ReservePolicy {

    /** One line of an order: so many units of a SKU. */
    public record Line(String sku, long quantity) {
        public Line {
            if (quantity <= 0) {
                throw new RuleViolation("quantity-not-positive", "A line needs a positive quantity, not " + quantity);
            }
        }
    }

    public sealed interface Decision permits Hold, Reject {}

    public record Hold(List<Line> lines) implements Decision {}

    /** The first line that cannot be held, and why. */
    public record Reject(String sku, long requested, long available) implements Decision {}

    private ReservePolicy() {
    }

    public static Decision decide(Map<String, StockLevel> levels, List<Line> lines) {
        for (Line line : lines.stream().sorted(Comparator.comparing(Line::sku)).toList()) {
            StockLevel level = levels.get(line.sku());
            long available = level == null ? 0 : level.available();
            if (available < line.quantity()) {
                return new Reject(line.sku(), line.quantity(), available);
            }
        }
        return new Hold(lines);
    }
}
