package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockMovement.Kind;
import io.quarkmall.stock.domain.Warehouse;
import io.quarkmall.stock.domain.WarehouseStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * A merchant's (or an admin's) stock counts: the units physically on hand in a warehouse. The
 * difference to what the ledger says is recorded as an ADJUSTMENT movement.
 */
@ApplicationScoped
public class StockCountService {

    private final StockLedger ledger;

    StockCountService(StockLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Sets the units on hand in the default warehouse of a SKU the caller may count; empty for a SKU
     * catalog never announced or another merchant's. Refused (409) below what orders hold there.
     */
    @Transactional
    public Optional<StockLevel> count(OperatorScope scope, String sku, long onHand) {
        var level = scope.levelToCount(sku);
        level.ifPresent(l -> countIn(l, Warehouse.DEFAULT, onHand, scope.merchantId()));
        return level;
    }

    /** Sets the units on hand of the SKU in a warehouse; 404 for an unknown warehouse or a SKU the caller may not count. */
    @Transactional
    public WarehouseStock count(OperatorScope scope, String sku, String warehouse, long onHand) {
        return countIn(ledger.lockLevel(scope, sku), warehouse, onHand, scope.merchantId());
    }

    private WarehouseStock countIn(StockLevel level, String warehouse, long onHand, String actor) {
        WarehouseStock stock = ledger.stockIn(level, warehouse);
        if (onHand != stock.onHand()) {
            ledger.record(level, stock, Kind.ADJUSTMENT, onHand - stock.onHand(), new Entry("stock count", null, actor));
        }
        return stock;
    }
}
