package io.quarkmall.stock.service;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockMovement.Kind;
import io.quarkmall.stock.domain.WarehouseStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;

/**
 * The one place a flash sale touches a SKU's stock: its units are set aside when it is scheduled,
 * held in one warehouse (the one with most available, so the sale ships from one place) and in the
 * SKU's totals: still on hand, no longer available, so the regular shop cannot sell them too. A
 * flash-sale order holds one of those units (its ticket), never a regular one; paid, the unit
 * leaves the warehouse from the set-aside; cancelled unpaid, it stays set aside and goes back to the
 * sale (in Redis, FlashSaleReturns); paid and cancelled before shipping, it is back on the shelf.
 */
@ApplicationScoped
public class FlashSaleStock {

    /** Who moved a flash-sale order's unit: the sale's side of the checkout saga. */
    private static final String ACTOR = "flash-sale";

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

    /** A flash-sale order was paid: its unit leaves the sale's warehouse, taken from the units set aside (a SALE). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sell(FlashSale sale, long orderId) {
        move(sale, Kind.SALE, new Entry("flash-sale order paid", "order:" + orderId, ACTOR));
    }

    /** A paid flash-sale order was cancelled before it shipped: its unit is back on the shelf, for the shop to sell. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restock(FlashSale sale, long orderId) {
        move(sale, Kind.RETURN_TO_STOCK, new Entry("paid flash-sale order cancelled before shipping", "order:" + orderId,
                ACTOR));
    }

    /**
     * Units of a closed sale go back to the shop: no longer set aside in the sale's warehouse nor in
     * the SKU's totals, so the regular shop may sell them; still on hand (no movement).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void returnToShop(FlashSale sale, int units) {
        if (units == 0) {
            return;
        }
        var now = clock.instant();
        StockLevel level = StockLevel.lockOf(sale.sku()).orElseThrow(() -> new IllegalStateException(
                "Flash sale " + sale.id() + " sells " + sale.sku() + ", which stock does not know"));
        WarehouseStock stock = WarehouseStock.lockOrOpen(sale.sku(), sale.warehouseCode(), now);
        stock.unhold(units, now);
        level.moved(0, -units, now);
        ledger.watch(stock);
    }

    private void move(FlashSale sale, Kind kind, Entry entry) {
        StockLevel level = StockLevel.lockOf(sale.sku()).orElseThrow(() -> new IllegalStateException(
                "Flash sale " + sale.id() + " sells " + sale.sku() + ", which stock does not know"));
        ledger.record(level, WarehouseStock.lockOrOpen(sale.sku(), sale.warehouseCode(), clock.instant()), kind, 1, entry);
    }
}
