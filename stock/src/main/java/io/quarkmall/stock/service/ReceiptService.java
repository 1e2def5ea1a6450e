package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockMovement.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Purchase receipts: units delivered by a supplier onto a warehouse's shelf. */
@ApplicationScoped
public class ReceiptService {

    private final StockLedger ledger;

    ReceiptService(StockLedger ledger) {
        this.ledger = ledger;
    }

    /** 404 for a SKU the caller may not stock or an unknown warehouse; the movement otherwise. */
    @Transactional
    public StockMovement receive(OperatorScope scope, String sku, String warehouse, long units, String reference) {
        StockLevel level = ledger.lockLevel(scope, sku);
        return ledger.record(level, ledger.stockIn(level, warehouse), Kind.RECEIPT, units,
                new Entry("purchase receipt", reference, scope.merchantId()));
    }
}
