package io.quarkmall.e2e;

import io.quarkmall.e2e.MallLedgers.OrderRow;
import io.quarkmall.e2e.MallLedgers.Reservation;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Whether cart-order, stock, pay and loyalty tell one story about one order once the mall is
 * quiet: a pure rule, so what "consistent" means is written down in one place.
 * <ul>
 *   <li>PAID and later: its units CONFIRMED, exactly one CAPTURED payment, its points earned;</li>
 *   <li>CANCELLED: no units held or taken, and any money taken REFUNDED, with its points taken back;</li>
 *   <li>STOCK_RESERVED: its units HELD, its payment window open, no money taken;</li>
 *   <li>PENDING: never, once the mall is quiet: stock has answered every order.</li>
 * </ul>
 */
final class OrderAgreement {

    static final Set<String> PAID_OR_LATER = Set.of("PAID", "FULFILLING", "SHIPPED", "DELIVERED", "COMPLETED");
    /** Payment states in which money was taken (and perhaps given back since). */
    static final Set<String> CHARGED = Set.of("CAPTURED", "REFUND_PENDING", "REFUNDED");

    private OrderAgreement() {
    }

    /** Null when the services agree, else what is wrong, for the report. */
    static String disagreement(OrderRow order, Reservation reservation, List<String> payments, Set<String> points,
                               Instant now) {
        String units = reservation == null ? "none" : reservation.status();
        long charged = payments.stream().filter(CHARGED::contains).count();
        String problem = switch (order.status()) {
            case "PENDING" -> "left PENDING";
            case "STOCK_RESERVED" -> !units.equals("HELD") ? "awaits payment but its units are " + units
                    : !order.payBy().isAfter(now) ? "awaits payment after its window closed at " + order.payBy()
                    : charged > 0 ? "awaits payment but was charged " + payments : null;
            case "CANCELLED" -> units.equals("HELD") || units.equals("CONFIRMED") ? "cancelled but its units are " + units
                    : payments.stream().anyMatch(p -> p.equals("CAPTURED") || p.equals("REFUND_PENDING"))
                    ? "cancelled but its money is not refunded: " + payments
                    : payments.contains("REFUNDED") && points.contains("EARNED_FOR_ORDER")
                            && !points.contains("REVERSED_FOR_REFUND") ? "refunded but its points were kept" : null;
            default -> !PAID_OR_LATER.contains(order.status()) ? "in an unknown state"
                    : !units.equals("CONFIRMED") ? "paid but its units are " + units
                    : payments.stream().filter("CAPTURED"::equals).count() != 1 ? "paid but its payments are " + payments
                    : !points.contains("EARNED_FOR_ORDER") ? "paid but earned no points" : null;
        };
        return problem == null ? null : "order " + order.id() + " (" + order.status() + "): " + problem;
    }
}
