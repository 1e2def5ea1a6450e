package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockMovement.Kind;
import io.quarkmall.stock.domain.WarehouseStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * What becomes of returned units set apart in quarantine once an operator has inspected them:
 * released onto the shelf (on hand and sellable again, a QUARANTINE_RELEASED movement) or written
 * off (damaged beyond sale, a QUARANTINE_WRITTEN_OFF movement). Never more than is in quarantine.
 */
@ApplicationScoped
public class QuarantineService {

    private final StockLedger ledger;
    private final Clock clock;

    QuarantineService(StockLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** 404 for a SKU the caller may not change or an unknown warehouse; 409 beyond what is in quarantine there. */
    @Transactional
    public WarehouseStock decide(OperatorScope scope, String sku, String warehouse, long units, boolean release, String note) {
        StockLevel level = ledger.lockLevel(scope, sku);
        WarehouseStock stock = ledger.stockIn(level, warehouse);
        String reason = release ? "released from quarantine" : "written off from quarantine";
        var entry = new Entry(note == null ? reason : reason + ": " + note, null, scope.merchantId());
        stock.leaveQuarantine(units, release, entry, clock.instant()).ifPresent(writeOff -> writeOff.persist());
        if (release) {
            ledger.record(level, stock, Kind.QUARANTINE_RELEASED, units, entry);
        }
        return stock;
    }
}
