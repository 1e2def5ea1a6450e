package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.domain.ReservePolicy.Line;
import io.quarkmall.stock.domain.StockAllocation;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockMovement.Kind;
import io.quarkmall.stock.domain.StockReservation;
import io.quarkmall.stock.domain.WarehouseStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Goods a shopper sent back under an after-sales request, received by the merchant: back into the
 * warehouses the order's units left (its reservation's allocations, or a flash sale's warehouse for
 * units bought through a flash-sale ticket), less what earlier returns of the order put back there.
 * SELLABLE units are on hand and sellable again (RETURN_TO_STOCK); the others are set apart in
 * quarantine (RETURN_TO_QUARANTINE). Each movement's reference names the order and the request. The
 * units taken back no longer count as sold in the sales history.
 */
@ApplicationScoped
public class ReturnService {

    private static final Logger LOG = Logger.getLogger(ReturnService.class);
    private static final String SAGA = "order-saga";

    private final StockLedger ledger;
    private final SalesHistory sales;
    private final Clock clock;

    ReturnService(StockLedger ledger, SalesHistory sales, Clock clock) {
        this.ledger = ledger;
        this.sales = sales;
        this.clock = clock;
    }

    /** Where so many units go back to in one warehouse. */
    record Putback(String warehouseCode, long units) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(long orderId, long requestId, List<Line> lines, boolean sellable) {
        var levels = StockLevel.lockForUpdate(lines.stream().map(Line::sku).toList());
        var sold = StockReservation.soldFor(orderId);
        var entry = new Entry(sellable ? "returned by the shopper, sellable" : "returned by the shopper, in quarantine",
                referenceOf(orderId, requestId), SAGA);
        for (Line line : lines) {
            StockLevel level = levels.get(line.sku());
            var putbacks = putbacks(line.quantity(), leftIn(orderId, line.sku(), sold));
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
            sales.returned(orderId, line.sku(), putbacks.stream().mapToLong(Putback::units).sum());
        }
    }

    static String referenceOf(long orderId, long requestId) {
        return "order:" + orderId + ":after-sales:" + requestId;
    }

    /**
     * The units of {@code sku} the order took from each warehouse (reserved and sold, or through a
     * paid flash-sale ticket) and no earlier return of the order put back, in the order they left.
     */
    private static Map<String, Long> leftIn(long orderId, String sku, List<StockReservation> sold) {
        var left = new LinkedHashMap<String, Long>();
        sold.stream().filter(r -> r.sku().equals(sku)).flatMap(r -> StockAllocation.of(r).stream())
                .forEach(a -> left.merge(a.warehouseCode(), a.quantity(), Long::sum));
        FlashSaleTicket.paidUnitsOfOrder(orderId, sku).forEach((warehouse, units) -> left.merge(warehouse, units, Long::sum));
        StockMovement.returnedOfOrder(orderId, sku).forEach((warehouse, units) -> left.computeIfPresent(warehouse,
                (w, had) -> had - units));
        return left;
    }

    /**
     * {@code units} spread over the warehouses in the order given, each up to what is left there; any
     * more than that (more back than the order shows) to the first warehouse it left.
     */
    static List<Putback> putbacks(long units, Map<String, Long> left) {
        var putbacks = new ArrayList<Putback>();
        long rest = units;
        for (var warehouse : left.entrySet()) {
            long here = Math.min(rest, Math.max(0, warehouse.getValue()));
            if (here > 0) {
                putbacks.add(new Putback(warehouse.getKey(), here));
                rest -= here;
            }
        }
        if (rest > 0 && !left.isEmpty()) {
            String first = left.keySet().iterator().next();
            putbacks.add(new Putback(first, rest));
        }
        return merged(putbacks);
    }

    private static List<Putback> merged(List<Putback> putbacks) {
        var byWarehouse = new LinkedHashMap<String, Long>();
        putbacks.forEach(p -> byWarehouse.merge(p.warehouseCode(), p.units(), Long::sum));
        return byWarehouse.entrySet().stream().map(e -> new Putback(e.getKey(), e.getValue())).toList();
    }
}
