package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.ReservePolicy.Line;
import io.quarkmall.stock.domain.StockAllocation;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockMovement.Kind;
import io.quarkmall.stock.domain.StockReservation;
import io.quarkmall.stock.domain.WarehouseStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Goods a shopper sent back under an after-sales request, received by the merchant: back into the
 * warehouses the order's units left, the first allocation first. SELLABLE units are on hand and
 * sellable again (RETURN_TO_STOCK); the others are set apart in quarantine (RETURN_TO_QUARANTINE).
 */
@ApplicationScoped
public class ReturnService {

    private static final Logger LOG = Logger.getLogger(ReturnService.class);
    private static final String SAGA = "order-saga";

    private final StockLedger ledger;
    private final Clock clock;

    ReturnService(StockLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Where so many units go back to in one warehouse. */
    record Putback(String warehouseCode, long units) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(long orderId, long requestId, List<Line> lines, boolean sellable) {
        var levels = StockLevel.lockForUpdate(lines.stream().map(Line::sku).toList());
        var sold = StockReservation.soldFor(orderId);
        var entry = new Entry(sellable ? "returned by the shopper, sellable" : "returned by the shopper, in quarantine",
                "after-sales:" + requestId, SAGA);
        for (Line line : lines) {
            StockLevel level = levels.get(line.sku());
            var putbacks = putbacks(line, sold);
            if (level == null || putbacks.isEmpty()) {
                LOG.warnf("Order %d's return (request %d) names %s, which it did not buy from stock here; not taken back",
                        orderId, requestId, line.sku());
                continue;
            }
            for (Putback putback : putbacks) {
                var stock = WarehouseStock.lockOrOpen(line.sku(), putback.warehouseCode(), clock.instant());
                if (sellable) {
                    ledger.record(level, stock, Kind.RETURN_TO_STOCK, putback.units(), entry);
                } else {
                    stock.quarantine(putback.units(), entry, clock.instant()).persist();
                }
            }
        }
    }

    /** The line's units spread over the warehouses the order's units of that SKU left, in allocation order. */
    static List<Putback> putbacks(Line line, List<StockReservation> sold) {
        var allocations = sold.stream().filter(r -> r.sku().equals(line.sku()))
                .flatMap(r -> StockAllocation.of(r).stream()).toList();
        var putbacks = new ArrayList<Putback>();
        long left = line.quantity();
        for (StockAllocation allocation : allocations) {
            long units = Math.min(left, allocation.quantity());
            if (units > 0) {
                putbacks.add(new Putback(allocation.warehouseCode(), units));
                left -= units;
            }
        }
        if (left > 0 && !allocations.isEmpty()) {
            // more back than the order's allocations show: the rest to the first warehouse it left
            putbacks.add(new Putback(allocations.getFirst().warehouseCode(), left));
        }
        return putbacks;
    }
}
