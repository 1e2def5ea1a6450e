package io.quarkmall.e2e;

import io.quarkmall.e2e.MallLedgers.Ledger;
import io.quarkmall.e2e.MallLedgers.OrderPoints;
import io.quarkmall.e2e.MallLedgers.OrderRow;
import io.quarkmall.e2e.MallLedgers.Reservation;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the services' databases say about one SKU's orders, judged: nothing accepted is lost,
 * nothing is ordered or charged twice, nothing is oversold, every order is told alike by every
 * service ({@link OrderAgreement}), every outbox is drained and every points ledger adds up. Any
 * test can run it after itself: {@code ConsistencyCheck.of(sku, unitsAtStart, accepted)}.
 */
final class ConsistencyCheck {

    /**
     * The figures. {@code lostOrders}: answered 201 but not in cart-order; {@code duplicateOrders}: orders no
     * stored Idempotency-Key answer names; {@code oversold}: units confirmed or held beyond those
     * counted at the start.
     */
    record Verdict(int orders, long paid, long cancelled, long awaitingPayment, List<Long> lostOrders, long duplicateOrders,
                   long duplicateCharges, long oversold, String stock, List<String> inconsistent,
                   Map<String, Long> unsentOutbox, int ledgers, List<String> unbalancedLedgers) {

        long lost() {
            return lostOrders.size();
        }

        boolean outboxDrained() {
            return unsentOutbox.values().stream().allMatch(n -> n == 0);
        }

        boolean clean() {
            return lostOrders.isEmpty() && duplicateOrders == 0 && duplicateCharges == 0 && oversold == 0 && inconsistent.isEmpty()
                    && outboxDrained() && unbalancedLedgers.isEmpty();
        }
    }

    private ConsistencyCheck() {
    }

    /** {@code accepted}: the order id of every checkout answered 201, with the subject of its shopper. */
    static Verdict of(String sku, long unitsAtStart, Map<Long, String> accepted) throws SQLException {
        try (var db = MallLedgers.open()) {
            return of(db, sku, unitsAtStart, accepted);
        }
    }

    static Verdict of(MallLedgers db, String sku, long unitsAtStart, Map<Long, String> accepted) throws SQLException {
        List<OrderRow> orders = db.ordersOf(sku);
        Map<Long, OrderRow> byId = orders.stream().collect(Collectors.toMap(OrderRow::id, o -> o));
        List<Long> lost = accepted.entrySet().stream()
                .filter(a -> !byId.containsKey(a.getKey()) || !byId.get(a.getKey()).shopper().equals(a.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        Map<Long, String> named = db.keysNamingOrders(orders.stream().map(OrderRow::shopper).collect(Collectors.toSet()));
        // an exchange's replacement is placed by the merchant's receipt of the goods, not by a checkout
        long duplicateOrders = orders.stream().filter(o -> o.replacementFor() == null && !named.containsKey(o.id())).count();

        Map<Long, List<String>> payments = db.paymentsOf(byId.keySet());
        long duplicateCharges = payments.values().stream()
                .filter(p -> p.stream().filter(OrderAgreement.CHARGED::contains).count() > 1).count();
        Map<Long, Reservation> reservations = db.reservationsOf(sku);
        Map<Long, Set<String>> points = new HashMap<>();
        List<OrderPoints> orderPoints = db.orderPoints();
        orderPoints.forEach(p -> points.computeIfAbsent(p.orderId(), id -> new HashSet<>()).add(p.reason()));
        Map<Long, MallLedgers.PointsHold> holds = db.pointsHoldsOf(byId.keySet());
        Map<Long, Long> refunds = db.refundsOf(byId.keySet());

        var inconsistent = new ArrayList<String>();
        Instant now = Instant.now();
        for (OrderRow order : orders) {
            String problem = OrderAgreement.disagreement(order, reservations.get(order.id()),
                    payments.getOrDefault(order.id(), List.of()), points.getOrDefault(order.id(), Set.of()),
                    holds.get(order.id()), refunds.getOrDefault(order.id(), 0L), now);
            if (problem != null) {
                inconsistent.add(problem);
            }
        }
        reservations.keySet().stream().filter(id -> !byId.containsKey(id))
                .forEach(id -> inconsistent.add("stock holds units for order " + id + ", which cart-order does not have"));
        long confirmed = units(reservations, "CONFIRMED");
        long held = units(reservations, "HELD");
        String stock = stock(db, sku, unitsAtStart, confirmed, held, inconsistent);
        List<Ledger> ledgers = db.ledgers();

        return new Verdict(orders.size(), count(orders, OrderAgreement.PAID_OR_LATER), count(orders, Set.of("CANCELLED")),
                count(orders, Set.of("STOCK_RESERVED")), lost, duplicateOrders, duplicateCharges,
                Math.max(0, confirmed + held - unitsAtStart), stock, inconsistent, db.unsentOutbox(), ledgers.size(),
                unbalancedLedgers(db, ledgers, orderPoints));
    }

    /**
     * The SKU's level must be what its reservations and returns add up to, and never more than was
     * counted; stock must have taken back exactly the returned units cart-order received.
     */
    private static String stock(MallLedgers db, String sku, long unitsAtStart, long confirmed, long held,
                                List<String> inconsistent) throws SQLException {
        var level = db.stockOf(sku);
        if (level == null) {
            inconsistent.add("stock has no level for " + sku);
            return "no level";
        }
        var returned = db.stockReturnsOf(sku);
        var received = db.receivedReturnsOf(sku);
        if (!returned.equals(received)) {
            inconsistent.add("stock took back %s of %s, but cart-order's after-sales received %s"
                    .formatted(returned, sku, received));
        }
        if (returned.sellable() + returned.quarantined() > confirmed) {
            inconsistent.add("stock took back %d units of %s, more than the %d sold"
                    .formatted(returned.sellable() + returned.quarantined(), sku, confirmed));
        }
        long released = db.releasedFromQuarantineOf(sku);
        if (released > returned.quarantined()) {
            inconsistent.add("stock released %d units of %s from quarantine, more than the %d returned into it"
                    .formatted(released, sku, returned.quarantined()));
        }
        if (level.onHand() < 0 || level.onHand() != unitsAtStart - confirmed + returned.sellable() + released
                || level.reserved() != held) {
            inconsistent.add(("stock level of %s (on hand %d, reserved %d) disagrees with its reservations (%d confirmed, "
                    + "%d held of %d) and returns (%d back on hand, %d released from quarantine)").formatted(sku,
                    level.onHand(), level.reserved(), confirmed, held, unitsAtStart, returned.sellable(), released));
        }
        return "%d counted, %d confirmed, %d held, %d returned sellable, %d in quarantine, %d on hand now"
                .formatted(unitsAtStart, confirmed, held, returned.sellable(), returned.quarantined(), level.onHand());
    }

    /**
     * Every shopper's ledger: never negative, equal to the balance loyalty last announced, and every
     * order's points backed by money pay really took (and gave back, for a reversal).
     */
    private static List<String> unbalancedLedgers(MallLedgers db, List<Ledger> ledgers, List<OrderPoints> orderPoints)
            throws SQLException {
        var unbalanced = new ArrayList<String>();
        for (Ledger ledger : ledgers) {
            if (ledger.sum() < 0 || (ledger.announced() != null && ledger.announced() != ledger.sum())) {
                unbalanced.add("shopper " + ledger.shopper() + ": entries add up to " + ledger.sum()
                        + ", last announced balance " + ledger.announced());
            }
        }
        Map<Long, String> charged = db.chargedOrders();
        for (OrderPoints entry : orderPoints) {
            String payment = charged.get(entry.orderId());
            // Points are taken back for a refund, whole (a cancelled order) or in part (an operator's refund).
            boolean backed = entry.reason().equals("REVERSED_FOR_REFUND")
                    ? "REFUNDED".equals(payment) || "PARTIALLY_REFUNDED".equals(payment) : payment != null;
            if (!backed) {
                unbalanced.add("order " + entry.orderId() + ": " + entry.reason() + " but its payment is " + payment);
            }
        }
        return unbalanced;
    }

    private static long units(Map<Long, Reservation> reservations, String status) {
        return reservations.values().stream().filter(r -> r.status().equals(status)).mapToLong(Reservation::quantity).sum();
    }

    private static long count(List<OrderRow> orders, Set<String> statuses) {
        return orders.stream().filter(o -> statuses.contains(o.status())).count();
    }
}
