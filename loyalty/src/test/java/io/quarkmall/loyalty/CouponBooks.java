package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.loyalty.domain.CouponTemplate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The coupon books, checked after every test by {@link LedgerBalancesCheck} (and called directly by
 * the coupon tests): for every template in the database,
 * what it says it handed out is the coupons that exist, within its limits, and the uses minus the
 * returns are exactly the coupons in state USED, each with one open use by its own order.
 */
final class CouponBooks {

    /** Each check: what it means, and the query that lists the rows breaking it. */
    static final String[][] CHECKS = {
        {"template's issued differs from its coupons", """
            SELECT t.id || ': issued ' || t.issued || ', coupons ' || count(c.id) FROM coupon_template t
            LEFT JOIN coupon c ON c.template_id = t.id GROUP BY t.id HAVING t.issued <> count(c.id)"""},
        {"template handed out more than its total", """
            SELECT t.id || ': issued ' || t.issued || ' of ' || t.total_limit FROM coupon_template t
            WHERE t.issued > t.total_limit"""},
        {"shopper holds more than the per-shopper limit", """
            SELECT t.id || '/' || c.shopper_id || ': ' || count(*) FROM coupon c JOIN coupon_template t ON t.id = c.template_id
            GROUP BY t.id, c.shopper_id, t.per_shopper_limit HAVING count(*) > t.per_shopper_limit"""},
        {"uses minus returns differ from the coupons USED", """
            SELECT t.id || ': used ' || coalesce(u.used, 0) || ', returned ' || coalesce(u.returned, 0)
                   || ', in state USED ' || (SELECT count(*) FROM coupon c WHERE c.template_id = t.id AND c.status = 'USED')
            FROM coupon_template t LEFT JOIN (
                SELECT c.template_id, count(*) AS used, count(cu.returned_at) AS returned
                FROM coupon_use cu JOIN coupon c ON c.id = cu.coupon_id GROUP BY c.template_id) u ON u.template_id = t.id
            WHERE coalesce(u.used, 0) - coalesce(u.returned, 0)
                  <> (SELECT count(*) FROM coupon c WHERE c.template_id = t.id AND c.status = 'USED')"""},
        {"coupon's state disagrees with its open use", """
            SELECT c.id || ': ' || c.status || ' order ' || coalesce(c.order_id::text, '-') || ', open use by '
                   || coalesce(u.order_id::text, '-') FROM coupon c
            LEFT JOIN coupon_use u ON u.coupon_id = c.id AND u.returned_at IS NULL
            WHERE (c.status = 'USED') <> (u.id IS NOT NULL) OR u.order_id <> c.order_id"""},
    };

    private CouponBooks() {
    }

    /** Fails with every discrepancy found, if there is one. */
    static void balance() {
        assertEquals(List.of(), discrepancies(), "the coupon books do not balance");
    }

    static List<String> discrepancies() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var found = new ArrayList<String>();
            var em = CouponTemplate.getEntityManager();
            for (String[] check : CHECKS) {
                for (Object row : em.createNativeQuery(check[1]).getResultList()) {
                    found.add(check[0] + ": " + row);
                }
            }
            return found;
        });
    }
}
