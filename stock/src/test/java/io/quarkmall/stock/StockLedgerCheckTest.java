package io.quarkmall.stock;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/** The checker that runs after every test must catch stock that its movements do not account for. */
@QuarkusTest
class StockLedgerCheckTest {

    @Inject
    EntityManager db;

    @Test
    void units_on_hand_without_movements_fail_the_check() {
        String sku = CatalogAnnouncements.newSku("UNBALANCED");
        QuarkusTransaction.requiringNew().run(() -> {
            db.createNativeQuery("INSERT INTO stock_level (sku, on_hand, reserved, updated_at) VALUES (?1, 5, 0, now())")
                    .setParameter(1, sku).executeUpdate();
            db.createNativeQuery("INSERT INTO warehouse_stock (sku, warehouse_code, on_hand, reserved, inbound, "
                    + "low_alerted, updated_at) VALUES (?1, 'DEFAULT', 5, 0, 0, false, now())")
                    .setParameter(1, sku).executeUpdate();
        });
        try {
            assertThrows(AssertionFailedError.class, () -> new StockLedgerCheck().afterEach(context()));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                db.createNativeQuery("DELETE FROM warehouse_stock WHERE sku = ?1").setParameter(1, sku).executeUpdate();
                db.createNativeQuery("DELETE FROM stock_level WHERE sku = ?1").setParameter(1, sku).executeUpdate();
            });
        }
    }

    private static ExtensionContext context() {
        return (ExtensionContext) Proxy.newProxyInstance(StockLedgerCheckTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequiredTestClass" -> StockLedgerCheckTest.class;
                    case "getDisplayName" -> "deliberately unaccounted stock";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
