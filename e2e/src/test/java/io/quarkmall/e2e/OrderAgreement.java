package io.quarkmall.e2e;

import io.quarkmall.e2e.MallLedgers.OrderRow;
import io.quarkmall.e2e.MallLedgers.PointsHold;
import io.quarkmall.e2e.MallLedgers.Reservation;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Whether cart-order, stock, pay and loyalty tell one story about one order once the mall is
 * quiet: a pure rule, so what "consistent" means is written down in one place.
 * <ul>
 *   <li>every order: the money pay's refunds gave back is what cart-order heard it give back;</li>
 *   <li>PAID and later: its units CONFIRMED, exactly one payment that took money (none if points
 *       paid it all), kept unless refunds (after-sales) gave all of it back, its points earned (for
 *       a whole currency unit or more of money), the points it used spent;</li>
 *   <li>CANCELLED: no units held or taken, any money taken REFUNDED with its points taken back, and
 *       the points it used back with the shopper (released, refused, or all returned);</li>
 *   <li>STOCK_RESERVED: its units HELD, its points HELD, its payment window open, no money taken;</li>
 *   <li>PENDING: never, once the mall is quiet: stock has answered every order.</li>
 *   <li>an exchange's replacement: never charged, never earning points (its goods were paid for on
 *       the order it replaces).</li>
 * </ul>
 */
final class OrderAgreement {

    static final Set<String> PAID_OR_LATER = Set.of("PAID", "FULFILLING", "SHIPPED", "DELIVERED", "COMPLETED");
    /** Payment states in which money was taken (and perhaps given back since). */
    static final Set<String> CHARGED = Set.of("CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED");
    /** Payment states in which money was taken and not all of it given back. */
    static final Set<String> KEPT = Set.of("CAPTURED", "PARTIALLY_REFUNDED");

    private OrderAgreement() {
    }

    /** Null when the services agree, else what is wrong, for the report. */
    static String disagreement(OrderRow order, Reservation reservation, List<String> payments, Set<String> points,
                               PointsHold hold, long paidBackMinor, Instant now) {
        String units = reservation == null ? "none" : reservation.status();
        long charged = payments.stream().filter(CHARGED::contains).count();
        String problem = order.pointsUsed() > 0 ? pointsDisagreement(order, hold) : null;
        if (problem == null && order.replacementFor() != null && (charged > 0 || !points.isEmpty())) {
            problem = "a replacement, but it was charged " + payments + " or earned points " + points;
        }
        if (problem == null && order.refundedMinor() != paidBackMinor) {
            problem = "pay gave back " + paidBackMinor + " but cart-order recorded " + order.refundedMinor() + " refunded";
        }
        return problem != null ? "order " + order.id() + " (" + order.status() + "): " + problem
                : disagreement(order, units, charged, payments, points, now);
    }

    private static String disagreement(OrderRow order, String units, long charged, List<String> payments,
                                       Set<String> points, Instant now) {
        long captures = order.totalMinor() > 0 ? 1 : 0;
        boolean earns = order.totalMinor() >= 100;
        String problem = switch (order.status()) {
            case "PENDING" -> "left PENDING";
            case "STOCK_RESERVED" -> !units.equals("HELD") ? "awaits payment but its units are " + units
                    : !order.payBy().isAfter(now) ? "awaits payment after its window closed at " + order.payBy()
                    : charged > 0 ? "awaits payment but was charged " + payments : null;
            case "CANCELLED" -> units.equals("HELD") || units.equals("CONFIRMED") ? "cancelled but its units are " + units
                    : payments.stream().anyMatch(KEPT::contains)
                    ? "cancelled but its money is not refunded: " + payments
                    : payments.contains("REFUNDED") && points.contains("EARNED_FOR_ORDER")
                            && !points.contains("REVERSED_FOR_REFUND") ? "refunded but its points were kept" : null;
            default -> !PAID_OR_LATER.contains(order.status()) ? "in an unknown state"
                    : !units.equals("CONFIRMED") ? "paid but its units are " + units
                    : charged != captures || order.refundedMinor() < order.totalMinor()
                            && payments.stream().filter(KEPT::contains).count() != captures
                    ? "paid but its payments are " + payments
                    : earns && !points.contains("EARNED_FOR_ORDER") ? "paid but earned no points" : null;
        };
        return problem == null ? null : "order " + order.id() + " (" + order.status() + "): " + problem;
    }

    /** Where the points an order used must be, by the order's status. */
    private static String pointsDisagreement(OrderRow order, PointsHold hold) {
        String where = hold == null ? "not held" : hold.status();
        return switch (order.status()) {
            case "PENDING" -> null;
            case "STOCK_RESERVED" -> where.equals("HELD") ? null : "awaits payment but its points are " + where;
            case "CANCELLED" -> where.equals("RELEASED") || where.equals("REFUSED")
                    || where.equals("SPENT") && hold.returned() == hold.points() ? null
                    : "cancelled but its points are " + where + (hold == null ? "" : ", " + hold.returned() + " of "
                    + hold.points() + " returned");
            default -> where.equals("SPENT") ? null : "paid but its points are " + where;
        };
    }
}
