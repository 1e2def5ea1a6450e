package io.quarkmall.stock.service;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The one place a flash sale touches a SKU's stock: its units are set aside when it is scheduled,
 * held in {@code stock_level.reserved} (still on hand, no longer available), so the regular shop
 * cannot sell them too. A stock movement ledger records the set-aside here.
 */
@ApplicationScoped
public class FlashSaleStock {

    private final Clock clock;

    FlashSaleStock(Clock clock) {
        this.clock = clock;
    }

    /** Sets {@code quantity} units of the locked {@code level} aside for a sale; refused (409) beyond what is available. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setAside(StockLevel level, int quantity) {
        if (level.available() < quantity) {
            throw new RuleViolation("not-enough-stock", "Only " + level.available() + " of " + level.sku()
                    + " available, not " + quantity);
        }
        int changed = StockLevel.getEntityManager().createNativeQuery("""
                        UPDATE stock_level SET reserved = reserved + ?1, updated_at = ?2
                        WHERE sku = ?3 AND on_hand - reserved >= ?1""")
                .setParameter(1, quantity).setParameter(2, clock.instant()).setParameter(3, level.sku())
                .executeUpdate();
        if (changed != 1) {
            throw new RuleViolation("not-enough-stock", "Not enough of " + level.sku() + " available for the sale");
        }
        StockLevel.getEntityManager().refresh(level);
    }
}
