package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.domain.StockAlert;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.WarehouseStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Low-stock thresholds per SKU and warehouse, and the alerts raised when available falls to them. */
@ApplicationScoped
public class LowStockService {

    private final StockLedger ledger;
    private final Clock clock;

    LowStockService(StockLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Sets (null: removes) the threshold; a SKU already at or below a new threshold alerts at once.
     * 404 for a SKU the caller may not manage or an unknown warehouse.
     */
    @Transactional
    public WarehouseStock alertAt(OperatorScope scope, String sku, String warehouse, Long threshold) {
        StockLevel level = ledger.lockLevel(scope, sku);
        WarehouseStock stock = ledger.stockIn(level, warehouse);
        stock.alertAt(threshold, clock.instant());
        ledger.watch(stock);
        return stock;
    }

    /** Newest first, of one SKU if sku is not null; a merchant's only of its own SKUs. */
    public List<StockAlert> alerts(OperatorScope scope, String sku, int page, int size) {
        return StockAlert.page(scope.admin() ? null : scope.merchantId(), sku, page, size);
    }
}
