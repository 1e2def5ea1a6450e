package io.quarkmall.loyalty;

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
 * Runs after every loyalty test on the stack (registered for autodetection) and fails it if the points ledger
 * no longer balances: each account's balance must equal the sum of its entries and what its lots
 * still hold, each lot what it was opened with plus what entries moved in and out of it, and each
 * entry the points it moved, and the points an account holds for unpaid orders what those orders
 * hold; and if the coupon books ({@link CouponBooks}) do not balance: issued, used and returned
 * coupons must agree with their templates and the coupons' states. Read straight from the
 * database, whatever the API shows.
 */
public class LedgerBalancesCheck implements AfterEachCallback {

    private static final String URL = "jdbc:postgresql://127.0.0.1:" + Ports.POSTGRES + "/loyalty_test";

    private static final List<String> UNBALANCED = List.of(
            """
            SELECT 'account ' || a.shopper_id || ': balance ' || a.balance || ' but entries sum to ' || coalesce(e.total, 0)
            FROM points_account a
            FULL JOIN (SELECT shopper_id, sum(points) AS total FROM points_ledger_entry GROUP BY shopper_id) e
              USING (shopper_id)
            WHERE coalesce(a.balance, 0) <> coalesce(e.total, 0)""",
            """
            SELECT 'account ' || a.shopper_id || ': balance ' || a.balance || ' but lots hold ' || coalesce(l.total, 0)
            FROM points_account a
            LEFT JOIN (SELECT shopper_id, sum(remaining) AS total FROM points_lot GROUP BY shopper_id) l USING (shopper_id)
            WHERE a.balance <> coalesce(l.total, 0)""",
            """
            SELECT 'lot ' || l.id || ': holds ' || l.remaining || ' but its moves leave ' || (l.points + coalesce(u.moved, 0))
            FROM points_lot l
            LEFT JOIN (SELECT lot_id, sum(points) AS moved FROM points_lot_use GROUP BY lot_id) u ON u.lot_id = l.id
            WHERE l.remaining <> l.points + coalesce(u.moved, 0)""",
            """
            SELECT 'entry ' || e.id || ': ' || e.points || ' points but it moved ' || (coalesce(u.moved, 0) + coalesce(l.points, 0))
            FROM points_ledger_entry e
            LEFT JOIN (SELECT entry_id, sum(points) AS moved FROM points_lot_use GROUP BY entry_id) u ON u.entry_id = e.id
            LEFT JOIN points_lot l ON l.entry_id = e.id
            WHERE e.points <> coalesce(u.moved, 0) + coalesce(l.points, 0)""",
            """
            SELECT 'account ' || a.shopper_id || ': holds ' || a.held || ' but its held orders hold ' || coalesce(h.total, 0)
            FROM points_account a
            LEFT JOIN (SELECT shopper_id, sum(points) AS total FROM points_hold WHERE status = 'HELD' GROUP BY shopper_id) h
              USING (shopper_id)
            WHERE a.held <> coalesce(h.total, 0)""");

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (!context.getRequiredTestClass().isAnnotationPresent(QuarkusTest.class)) {
            return;
        }
        var problems = new ArrayList<String>();
        try (Connection db = DriverManager.getConnection(URL, "quarkmall", "quarkmall")) {
            for (String query : UNBALANCED) {
                collect(db, query, "", problems);
            }
            for (String[] check : CouponBooks.CHECKS) {
                collect(db, check[1], check[0] + ": ", problems);
            }
        }
        assertEquals(List.of(), problems, "the points ledger or the coupon books do not balance after "
                + context.getDisplayName());
    }

    private static void collect(Connection db, String query, String label, List<String> problems) throws SQLException {
        try (var rows = db.createStatement().executeQuery(query)) {
            while (rows.next() && problems.size() < 20) {
                problems.add(label + rows.getString(1));
            }
        }
    }
}
