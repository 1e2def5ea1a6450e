package io.quarkmall.stock.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.config.StockConfig;
import io.quarkmall.stock.domain.AllocationPolicy;
import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.domain.ReservationEvent.StockLow;
import io.quarkmall.stock.domain.StockAlert;
import io.quarkmall.stock.domain.StockAllocation;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockMovement.Kind;
import io.quarkmall.stock.domain.StockReservation;
import io.quarkmall.stock.domain.Warehouse;
import io.quarkmall.stock.domain.WarehouseStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * What every change of a SKU's stock in a warehouse goes through, inside its caller's transaction
 * and under the lock of the SKU's level: the movement that records a change of on hand, the
 * reservation's allocation to warehouses, and the low-stock alert (a row and a StockLow event) when
 * available falls to the threshold.
 */
@ApplicationScoped
public class StockLedger {

    /** Who moved the units of an order: the checkout saga, on the order's events. */
    private static final String SAGA = "order-saga";

    private final Outbox outbox;
    private final Clock clock;
    private final StockConfig config;

    StockLedger(Outbox outbox, Clock clock, StockConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** The SKU's level, locked, if the operator may change it; 404 otherwise (another merchant's is unknown). */
    @Transactional(Transactional.TxType.MANDATORY)
    public StockLevel lockLevel(OperatorScope scope, String sku) {
        return scope.levelToCount(sku).orElseThrow(() -> ProblemException.notFound("Stock for SKU " + sku));
    }

    /** The SKU's stock in a warehouse that exists (404 otherwise), locked, opened empty if it had none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WarehouseStock stockIn(StockLevel level, String warehouse) {
        Warehouse.byCode(warehouse).orElseThrow(() -> ProblemException.notFound("Warehouse " + warehouse));
        return WarehouseStock.lockOrOpen(level.sku(), warehouse, clock.instant());
    }

    /** Records a change of on hand (not a sale: see {@link #sell}) and moves the SKU's totals with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StockMovement record(StockLevel level, WarehouseStock stock, Kind kind, long units, Entry entry) {
        var now = clock.instant();
        StockMovement movement = stock.record(kind, units, entry, now);
        movement.persist();
        level.moved(movement.quantity(), kind.takesHeldUnits() ? movement.quantity() : 0, now);
        watch(stock);
        return movement;
    }

    /** Holds a new reservation's units in the SKU's warehouses, the one with most available first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allocate(StockReservation reservation) {
        var stocks = WarehouseStock.lockAllOf(reservation.sku());
        AllocationPolicy.MOST_STOCK.allocate(reservation, stocks, clock.instant()).forEach(a -> a.persist());
        stocks.forEach(this::watch);
    }

    /** The order was paid: its held units leave the warehouses that held them (the level's totals moved already). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sell(long orderId, StockReservation reservation) {
        settle(reservation, Kind.SALE, new Entry("order paid", "order:" + orderId, SAGA));
    }

    /** A paid order was cancelled before it shipped: its units go back to the warehouses they left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restock(long orderId, StockReservation reservation) {
        settle(reservation, Kind.RETURN_TO_STOCK, new Entry("paid order cancelled before shipping", "order:" + orderId,
                SAGA));
    }

    /** An unpaid order was cancelled: the warehouses' held units are available again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unallocate(StockReservation reservation) {
        for (StockAllocation allocation : StockAllocation.of(reservation)) {
            var stock = WarehouseStock.lockOrOpen(reservation.sku(), allocation.warehouseCode(), clock.instant());
            stock.unhold(allocation.quantity(), clock.instant());
            watch(stock);
        }
    }

    /** Raises the alert if the stock's available has just fallen to its low-stock threshold. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void watch(WarehouseStock stock) {
        if (stock.crossedLowThreshold()) {
            StockAlert alert = StockAlert.raise(stock, clock.instant());
            outbox.record(config.reservationTopic(), stock.sku(),
                    new StockLow(alert.sku(), alert.warehouseCode(), alert.available(), alert.threshold()));
        }
    }

    private void settle(StockReservation reservation, Kind kind, Entry entry) {
        for (StockAllocation allocation : StockAllocation.of(reservation)) {
            var stock = WarehouseStock.lockOrOpen(reservation.sku(), allocation.warehouseCode(), clock.instant());
            stock.record(kind, allocation.quantity(), entry, clock.instant()).persist();
            watch(stock);
        }
    }
}
