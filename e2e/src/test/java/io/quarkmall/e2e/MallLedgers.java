package io.quarkmall.e2e;

import io.quarkmall.stack.Ports;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The services' own records, read straight from their databases over JDBC: what each service
 * really holds, whatever its API shows. Read-only; {@link ConsistencyCheck} judges what it reads.
 */
final class MallLedgers implements AutoCloseable {

    /**
     * {@code totalMinor}: the money to pay; {@code pointsUsed}: the points paying the rest;
     * {@code refundedMinor}: the money cart-order heard pay give back.
     */
    /** {@code replacementFor}: the order an exchange's replacement replaces units of; null for any other order. */
    record OrderRow(long id, String shopper, String status, String cancelReason, Instant payBy, long totalMinor,
                    long pointsUsed, long refundedMinor, Long replacementFor) {}

    /** loyalty's hold of the points an order uses: HELD, SPENT, RELEASED or REFUSED, and how many came back after payment. */
    record PointsHold(String status, long points, long returned) {}

    record StockRow(long onHand, long reserved) {}

    record Reservation(String status, long quantity) {}

    /** One shopper's points: the sum of the entries, and the balance last announced on loyalty.points.v1. */
    record Ledger(String shopper, long sum, Long announced) {}

    /** A points entry tied to an order: EARNED_FOR_ORDER or REVERSED_FOR_REFUND. */
    record OrderPoints(long orderId, String reason) {}

    private final Map<String, Connection> databases = new LinkedHashMap<>();

    static MallLedgers open() throws SQLException {
        var ledgers = new MallLedgers();
        for (Ports.Service service : Ports.SERVICES) {
            ledgers.databases.put(service.name(), DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                    + Ports.POSTGRES + "/" + service.database(), "quarkmall", "quarkmall"));
        }
        return ledgers;
    }

    /** cart-order: every order with a line of this SKU. */
    List<OrderRow> ordersOf(String sku) throws SQLException {
        var rows = new ArrayList<OrderRow>();
        try (var rs = query("cart-order", """
                SELECT o.id, o.shopper_id, o.status, o.cancel_reason, o.pay_by, o.total_minor, o.points_used, o.refunded_minor,
                       o.replacement_for
                FROM shop_order o
                WHERE EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.sku = ?) ORDER BY o.id""", sku)) {
            while (rs.next()) {
                rows.add(new OrderRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getObject(9, Long.class)));
            }
        }
        return rows;
    }

    /** cart-order: the order each stored 201 answer to an Idempotency-Key of these shoppers names, by order id. */
    Map<Long, String> keysNamingOrders(Collection<String> shoppers) throws SQLException {
        var keys = new HashMap<Long, String>();
        try (var rs = query("cart-order", """
                SELECT (response_body::jsonb ->> 'id')::bigint, principal || ' ' || idem_key FROM idempotency_key
                WHERE status = 201 AND principal = ANY (?) AND response_body::jsonb ->> 'id' IS NOT NULL""",
                (Object) shoppers.toArray(String[]::new))) {
            while (rs.next()) {
                keys.put(rs.getLong(1), rs.getString(2));
            }
        }
        return keys;
    }

    /** stock: the reservation of each order holding (or having held) this SKU. */
    Map<Long, Reservation> reservationsOf(String sku) throws SQLException {
        var reservations = new HashMap<Long, Reservation>();
        try (var rs = query("stock", "SELECT order_id, status, quantity FROM stock_reservation WHERE sku = ?", sku)) {
            while (rs.next()) {
                reservations.put(rs.getLong(1), new Reservation(rs.getString(2), rs.getLong(3)));
            }
        }
        return reservations;
    }

    StockRow stockOf(String sku) throws SQLException {
        try (var rs = query("stock", "SELECT on_hand, reserved FROM stock_level WHERE sku = ?", sku)) {
            return rs.next() ? new StockRow(rs.getLong(1), rs.getLong(2)) : null;
        }
    }

    /** Units of a SKU shoppers returned: back on hand (SELLABLE) and set apart (QUARANTINE). */
    record Returned(long sellable, long quarantined) {}

    /** stock: the returned units it took back, as its movements record them. */
    Returned stockReturnsOf(String sku) throws SQLException {
        try (var rs = query("stock", """
                SELECT coalesce(sum(quantity) FILTER (WHERE kind = 'RETURN_TO_STOCK' AND reference LIKE 'order:%:after-sales:%'), 0),
                       coalesce(sum(quantity) FILTER (WHERE kind = 'RETURN_TO_QUARANTINE'), 0)
                FROM stock_movement WHERE sku = ?""", sku)) {
            rs.next();
            return new Returned(rs.getLong(1), rs.getLong(2));
        }
    }

    /** stock: quarantined units of a SKU an operator released onto the shelf after inspecting them. */
    long releasedFromQuarantineOf(String sku) throws SQLException {
        try (var rs = query("stock", "SELECT coalesce(sum(quantity), 0) FROM stock_movement WHERE sku = ? "
                + "AND kind = 'QUARANTINE_RELEASED'", sku)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** cart-order: the returned units of a SKU its after-sales requests received, by what became of them. */
    Returned receivedReturnsOf(String sku) throws SQLException {
        try (var rs = query("cart-order", """
                SELECT coalesce(sum((l->>'quantity')::bigint) FILTER (WHERE r.disposition = 'SELLABLE'), 0),
                       coalesce(sum((l->>'quantity')::bigint) FILTER (WHERE r.disposition = 'QUARANTINE'), 0)
                FROM after_sales_request r, jsonb_array_elements(r.lines) l
                WHERE r.received_at IS NOT NULL AND l->>'sku' = ?""", sku)) {
            rs.next();
            return new Returned(rs.getLong(1), rs.getLong(2));
        }
    }

    /** stock: a flash-sale ticket's status (ADMITTED, ORDERED, PAID, RETURNED, RESTOCKED); null when not drained yet. */
    String flashSaleTicketStatus(UUID ticket) throws SQLException {
        try (var rs = query("stock", "SELECT status FROM flash_sale_ticket WHERE ticket_id = ?", ticket)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** pay: the status of every payment attempt, by order, for these orders. */
    Map<Long, List<String>> paymentsOf(Collection<Long> orderIds) throws SQLException {
        var payments = new HashMap<Long, List<String>>();
        try (var rs = query("pay", "SELECT order_id, status FROM payment WHERE order_id = ANY (?) ORDER BY id",
                (Object) orderIds.toArray(Long[]::new))) {
            while (rs.next()) {
                payments.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return payments;
    }

    /** pay: the money its refunds gave back (done at the channel), by order, from the payment that paid it. */
    Map<Long, Long> refundsOf(Collection<Long> orderIds) throws SQLException {
        var refunds = new HashMap<Long, Long>();
        try (var rs = query("pay", """
                SELECT p.order_id, sum(r.amount_minor) FROM payment p JOIN payment_refund r ON r.payment_id = p.id
                WHERE r.status = 'DONE' AND NOT p.surplus AND p.order_id = ANY (?) GROUP BY p.order_id""",
                (Object) orderIds.toArray(Long[]::new))) {
            while (rs.next()) {
                refunds.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return refunds;
    }

    /**
     * pay: every order money was taken for and kept (captured, or refunded in part or whole since), with its
     * payment's status; a surplus payment (taken after another paid the order, refunded whole) is not the order's.
     */
    Map<Long, String> chargedOrders() throws SQLException {
        return pairs("pay", "SELECT order_id, status FROM payment WHERE status IN ('CAPTURED', 'PARTIALLY_REFUNDED', "
                + "'REFUNDED') AND NOT surplus");
    }

    /** Events not yet published, per service: each service's outbox, which the relay must drain. */
    Map<String, Long> unsentOutbox() throws SQLException {
        var unsent = new LinkedHashMap<String, Long>();
        for (String service : databases.keySet()) {
            try (var rs = query(service, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
                rs.next();
                unsent.put(service, rs.getLong(1));
            }
        }
        return unsent;
    }

    /** loyalty: every shopper's ledger. */
    List<Ledger> ledgers() throws SQLException {
        var ledgers = new ArrayList<Ledger>();
        try (var rs = query("loyalty", """
                SELECT e.shopper_id, sum(e.points),
                       (SELECT (o.envelope::jsonb #>> '{payload,balance}')::bigint FROM outbox_event o
                        WHERE o.record_key = e.shopper_id ORDER BY o.id DESC LIMIT 1)
                FROM points_ledger_entry e GROUP BY e.shopper_id""")) {
            while (rs.next()) {
                long announced = rs.getLong(3);
                ledgers.add(new Ledger(rs.getString(1), rs.getLong(2), rs.wasNull() ? null : announced));
            }
        }
        return ledgers;
    }

    /** loyalty: the holds of points paying part of these orders, by order id. */
    Map<Long, PointsHold> pointsHoldsOf(Collection<Long> orderIds) throws SQLException {
        var holds = new HashMap<Long, PointsHold>();
        try (var rs = query("loyalty", "SELECT order_id, status, points, returned_points FROM points_hold WHERE order_id = ANY (?)",
                (Object) orderIds.toArray(Long[]::new))) {
            while (rs.next()) {
                holds.put(rs.getLong(1), new PointsHold(rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return holds;
    }

    /** loyalty: the points orders earned, and took back for a refund. */
    List<OrderPoints> orderPoints() throws SQLException {
        var entries = new ArrayList<OrderPoints>();
        try (var rs = query("loyalty", "SELECT order_id, reason FROM points_ledger_entry WHERE order_id IS NOT NULL"
                + " AND reason IN ('EARNED_FOR_ORDER', 'REVERSED_FOR_REFUND')")) {
            while (rs.next()) {
                entries.add(new OrderPoints(rs.getLong(1), rs.getString(2)));
            }
        }
        return entries;
    }

    private Map<Long, String> pairs(String service, String sql, Object... parameters) throws SQLException {
        var pairs = new HashMap<Long, String>();
        try (var rs = query(service, sql, parameters)) {
            while (rs.next()) {
                pairs.put(rs.getLong(1), rs.getString(2));
            }
        }
        return pairs;
    }

    /**
     * Moves a stored deadline into the past, as the clock would while the service that owns it is
     * down: {@code table}'s {@code column} of row {@code id} in {@code service}'s database.
     */
    void expire(String service, String table, String column, long id) throws SQLException {
        try (var statement = databases.get(service).prepareStatement(
                "UPDATE " + table + " SET " + column + " = now() - interval '1 second' WHERE id = ?")) {
            statement.setLong(1, id);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("no " + table + " " + id + " in " + service);
            }
        }
    }

    /** pay: the refunds it carried out or tries, under one reference. */
    long refundsUnder(String reference) throws SQLException {
        try (var rs = query("pay", "SELECT count(*) FROM payment_refund WHERE refund_reference = ?", reference)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** cart-order: events of one type it recorded in its outbox for one order. */
    long outboxEvents(long orderId, String type) throws SQLException {
        try (var rs = query("cart-order", "SELECT count(*) FROM outbox_event WHERE record_key = ? AND envelope LIKE ?",
                Long.toString(orderId), "%\"type\":\"" + type + "\"%")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The result set closes its statement with it. */
    private ResultSet query(String service, String sql, Object... parameters) throws SQLException {
        Connection db = databases.get(service);
        PreparedStatement statement = db.prepareStatement(sql);
        statement.closeOnCompletion();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Object[] values) {
                Array array = db.createArrayOf(values instanceof Long[] ? "bigint" : "text", values);
                statement.setArray(i + 1, array);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement.executeQuery();
    }

    @Override
    public void close() throws SQLException {
        for (Connection db : databases.values()) {
            db.close();
        }
    }
}
