package io.quarkmall.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.Ports;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs after every stock test on the stack (registered for autodetection) and fails it if the stock
 * ledger no longer balances: each warehouse's on hand must equal the sum of its movements (but those
 * into quarantine, whose sum its quarantined units must equal), each SKU's
 * totals the sum of its warehouses, reserved lie between 0 and on hand, what a warehouse reserves
 * equal what unpaid orders, undispatched transfers and flash sales (less the units their paid orders
 * took; a closed sale only its unpaid orders' units) hold there, each reservation be allocated in full, and what is inbound to a warehouse equal
 * what transfers in transit carry to it. Read straight from the database, whatever the API shows.
 */
public class StockLedgerCheck implements AfterEachCallback {

    private static final String URL = "jdbc:postgresql://127.0.0.1:" + Ports.POSTGRES + "/stock_test";

    private static final List<String> UNBALANCED = List.of(
            """
            SELECT 'stock ' || w.sku || '@' || w.warehouse_code || ': on hand ' || w.on_hand
                   || ' but its movements sum to ' || coalesce(m.total, 0)
            FROM warehouse_stock w
            LEFT JOIN (SELECT sku, warehouse_code, sum(quantity) AS total FROM stock_movement
                       WHERE kind NOT IN ('RETURN_TO_QUARANTINE', 'QUARANTINE_WRITTEN_OFF') GROUP BY sku, warehouse_code) m
              USING (sku, warehouse_code)
            WHERE w.on_hand <> coalesce(m.total, 0)""",
            """
            SELECT 'stock ' || w.sku || '@' || w.warehouse_code || ': quarantined ' || w.quarantined
                   || ' but its quarantine movements sum to ' || coalesce(m.total, 0)
            FROM warehouse_stock w
            LEFT JOIN (SELECT sku, warehouse_code, sum(CASE kind WHEN 'QUARANTINE_RELEASED' THEN -quantity ELSE quantity END)
                              AS total FROM stock_movement
                       WHERE kind IN ('RETURN_TO_QUARANTINE', 'QUARANTINE_RELEASED', 'QUARANTINE_WRITTEN_OFF')
                       GROUP BY sku, warehouse_code) m
              USING (sku, warehouse_code)
            WHERE w.quarantined <> coalesce(m.total, 0)""",
            """
            SELECT 'level ' || l.sku || ': ' || l.on_hand || ' on hand, ' || l.reserved || ' reserved, but its warehouses '
                   || coalesce(w.on_hand, 0) || ' and ' || coalesce(w.reserved, 0)
            FROM stock_level l
            LEFT JOIN (SELECT sku, sum(on_hand) AS on_hand, sum(reserved) AS reserved FROM warehouse_stock GROUP BY sku) w
              USING (sku)
            WHERE l.on_hand <> coalesce(w.on_hand, 0) OR l.reserved <> coalesce(w.reserved, 0)""",
            """
            SELECT 'stock ' || sku || '@' || warehouse_code || ': ' || on_hand || ' on hand, ' || reserved || ' reserved'
            FROM warehouse_stock WHERE reserved < 0 OR on_hand < reserved
            UNION ALL
            SELECT 'level ' || sku || ': ' || on_hand || ' on hand, ' || reserved || ' reserved'
            FROM stock_level WHERE reserved < 0 OR on_hand < reserved""",
            """
            SELECT 'stock ' || w.sku || '@' || w.warehouse_code || ': reserved ' || w.reserved
                   || ' but unpaid orders, requested transfers and flash sales hold '
                   || (coalesce(a.held, 0) + coalesce(t.held, 0) + coalesce(f.held, 0))
            FROM warehouse_stock w
            LEFT JOIN (SELECT r.sku, a.warehouse_code, sum(a.quantity) AS held
                       FROM stock_allocation a JOIN stock_reservation r ON r.id = a.reservation_id
                       WHERE r.status = 'HELD' GROUP BY r.sku, a.warehouse_code) a USING (sku, warehouse_code)
            LEFT JOIN (SELECT sku, from_warehouse AS warehouse_code, sum(quantity) AS held
                       FROM stock_transfer WHERE status = 'REQUESTED' GROUP BY sku, from_warehouse) t
              USING (sku, warehouse_code)
            LEFT JOIN (SELECT s.sku, s.warehouse_code,
                              sum(CASE WHEN s.closed_at IS NULL THEN s.quantity - coalesce(t.taken, 0)
                                       ELSE coalesce(t.ordered, 0) END) AS held FROM flash_sale s
                       LEFT JOIN (SELECT sale_id, count(*) FILTER (WHERE status IN ('PAID', 'RESTOCKED')) AS taken,
                                         count(*) FILTER (WHERE status = 'ORDERED') AS ordered
                                  FROM flash_sale_ticket GROUP BY sale_id) t ON t.sale_id = s.id
                       GROUP BY s.sku, s.warehouse_code) f
              USING (sku, warehouse_code)
            WHERE w.reserved <> coalesce(a.held, 0) + coalesce(t.held, 0) + coalesce(f.held, 0)""",
            """
            SELECT 'reservation ' || r.id || ': ' || r.quantity || ' units but ' || coalesce(a.total, 0) || ' allocated'
            FROM stock_reservation r
            LEFT JOIN (SELECT reservation_id, sum(quantity) AS total FROM stock_allocation GROUP BY reservation_id) a
              ON a.reservation_id = r.id
            WHERE r.quantity <> coalesce(a.total, 0)""",
            """
            SELECT 'stock ' || w.sku || '@' || w.warehouse_code || ': inbound ' || w.inbound
                   || ' but transfers in transit carry ' || coalesce(t.total, 0)
            FROM warehouse_stock w
            LEFT JOIN (SELECT sku, to_warehouse AS warehouse_code, sum(quantity) AS total
                       FROM stock_transfer WHERE status = 'IN_TRANSIT' GROUP BY sku, to_warehouse) t
              USING (sku, warehouse_code)
            WHERE w.inbound <> coalesce(t.total, 0)""");

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (!context.getRequiredTestClass().isAnnotationPresent(QuarkusTest.class)) {
            return;
        }
        var problems = new ArrayList<String>();
        try (Connection db = DriverManager.getConnection(URL, "quarkmall", "quarkmall")) {
            for (String query : UNBALANCED) {
                try (var rows = db.createStatement().executeQuery(query)) {
                    while (rows.next() && problems.size() < 20) {
                        problems.add(rows.getString(1));
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "the stock ledger does not balance after " + context.getDisplayName());
    }
}
