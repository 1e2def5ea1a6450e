package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.domain.RuleViolation;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * XYZ classes by how steady daily demand is, measured by its coefficient of variation (standard
 * deviation over mean, every day of the period counted, quiet days as zero): X below {@code x}
 * (0.5, steady), Y below {@code y} (1.0), Z otherwise. A SKU that sold nothing is Z: there is no
 * demand to plan on.
 */
public final class XyzPolicy {

    public enum XyzClass { X, Y, Z }

    /** Coefficients of variation where X ends and where Y ends. */
    public record Thresholds(double x, double y) {
        public static final Thresholds DEFAULT = new Thresholds(0.5, 1.0);

        public Thresholds {
            if (!(x > 0 && x < y && y < Double.POSITIVE_INFINITY)) {
                throw new RuleViolation("thresholds-out-of-order",
                        "XYZ thresholds need 0 < x < y, not x = " + x + ", y = " + y);
            }
        }
    }

    private XyzPolicy() {
    }

    /** The population standard deviation of daily units over their mean; none when nothing sold. */
    public static OptionalDouble coefficientOfVariation(SalesSeries sales) {
        double[] demand = sales.demand();
        double mean = Arrays.stream(demand).average().orElseThrow();
        if (mean == 0) {
            return OptionalDouble.empty();
        }
        double variance = Arrays.stream(demand).map(units -> (units - mean) * (units - mean)).average().orElseThrow();
        return OptionalDouble.of(Math.sqrt(variance) / mean);
    }

    public static XyzClass classify(SalesSeries sales, Thresholds thresholds) {
        OptionalDouble cv = coefficientOfVariation(sales);
        if (cv.isEmpty() || cv.getAsDouble() >= thresholds.y()) {
            return XyzClass.Z;
        }
        return cv.getAsDouble() < thresholds.x() ? XyzClass.X : XyzClass.Y;
    }
}
