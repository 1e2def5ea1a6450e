package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/** The checker that runs after every test must catch a ledger that does not balance. */
@QuarkusTest
class LedgerBalancesCheckTest {

    @Inject
    EntityManager db;

    @Test
    void an_account_whose_balance_differs_from_its_entries_fails_the_check() {
        String shopper = "unbalanced-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery(
                "INSERT INTO points_account (shopper_id, balance, held, updated_at) VALUES (?1, 5, 0, now())")
                .setParameter(1, shopper).executeUpdate());
        try {
            assertThrows(AssertionFailedError.class, () -> new LedgerBalancesCheck().afterEach(context()));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery(
                    "DELETE FROM points_account WHERE shopper_id = ?1").setParameter(1, shopper).executeUpdate());
        }
    }

    private static ExtensionContext context() {
        return (ExtensionContext) java.lang.reflect.Proxy.newProxyInstance(LedgerBalancesCheckTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequiredTestClass" -> LedgerBalancesCheckTest.class;
                    case "getDisplayName" -> "a deliberately unbalanced account";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
