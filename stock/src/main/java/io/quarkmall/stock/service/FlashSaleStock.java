package io.quarkmall.stock.service;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.WarehouseStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;

/**
 * The one place a flash sale touches a SKU's stock: its units are set aside when it is scheduled,
 * held in one warehouse (the one with most available, so the sale ships from one place) and in the
 * SKU's totals: still on hand, no longer available, so the regular shop cannot sell them too.
 */
@ApplicationScoped
public class FlashSaleStock {

    private final StockLedger ledger;
    private final Clock clock;

    FlashSaleStock(StockLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Sets {@code quantity} units of the locked {@code level} aside for a sale, answering the
     * warehouse that holds them; refused (409) when no warehouse has that many available.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String setAside(StockLevel level, int quantity) {
        var now = clock.instant();
        WarehouseStock stock = WarehouseStock.lockAllOf(level.sku()).stream()
                .max(Comparator.comparingLong(WarehouseStock::available))
                .filter(most -> most.available() >= quantity)
                .orElseThrow(() -> new RuleViolation("not-enough-stock", "No warehouse has " + quantity + " of "
                        + level.sku() + " available for the sale (" + level.available() + " available in all)"));
        stock.hold(quantity, now);
        level.moved(0, quantity, now);
        ledger.watch(stock);
        return stock.warehouseCode();
    }
}
