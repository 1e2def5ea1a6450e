package io.quarkmall.stock.service;

import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockTransfer;
import io.quarkmall.stock.domain.WarehouseStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Transfers between warehouses. Requesting holds the units at the source; dispatching takes them
 * off its shelf (TRANSFER_OUT) into transit, where no warehouse can sell them; receiving puts them
 * on the destination's shelf (TRANSFER_IN); cancelling, before dispatch, makes them available again.
 * The SKU's totals move with each step, so what is in transit is sellable nowhere.
 */
@ApplicationScoped
public class TransferService {

    private final StockLedger ledger;
    private final Clock clock;

    TransferService(StockLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** 404 for a SKU the caller may not move or an unknown warehouse; 409 when the source lacks the units. */
    @Transactional
    public StockTransfer request(OperatorScope scope, String sku, String from, String to, long units, String reference) {
        StockLevel level = ledger.lockLevel(scope, sku);
        WarehouseStock source = ledger.stockIn(level, from);
        ledger.stockIn(level, to);
        var transfer = StockTransfer.request(source, to, units, reference, scope.merchantId(), clock.instant());
        transfer.persist();
        level.moved(0, units, clock.instant());
        ledger.watch(source);
        return transfer;
    }

    /** REQUESTED → IN_TRANSIT; 404 for another merchant's or an unknown transfer, 409 in any other status. */
    @Transactional
    public StockTransfer dispatch(OperatorScope scope, long id) {
        return step(scope, id, (transfer, level, source, destination, now) -> {
            transfer.dispatch(source, destination, entry("transfer dispatched", transfer, scope), now).persist();
            level.moved(-transfer.quantity(), -transfer.quantity(), now);
        });
    }

    /** IN_TRANSIT → RECEIVED; 404 as for dispatch, 409 unless in transit. */
    @Transactional
    public StockTransfer receive(OperatorScope scope, long id) {
        return step(scope, id, (transfer, level, source, destination, now) -> {
            transfer.receive(destination, entry("transfer received", transfer, scope), now).persist();
            level.moved(transfer.quantity(), 0, now);
        });
    }

    /** REQUESTED → CANCELLED; 404 as for dispatch, 409 once dispatched. */
    @Transactional
    public StockTransfer cancel(OperatorScope scope, long id) {
        return step(scope, id, (transfer, level, source, destination, now) -> {
            transfer.cancel(source, now);
            level.moved(0, -transfer.quantity(), now);
        });
    }

    /** One step of a transfer, with the transfer, the SKU's level and both warehouses' stock locked in that order. */
    @FunctionalInterface
    private interface Step {
        void apply(StockTransfer transfer, StockLevel level, WarehouseStock source, WarehouseStock destination,
                   Instant now);
    }

    private StockTransfer step(OperatorScope scope, long id, Step step) {
        var transfer = StockTransfer.lock(id).orElseThrow(() -> ProblemException.notFound("Transfer " + id));
        // Locked at its first read: a level read before its lock would be written back stale.
        StockLevel level = scope.levelToCount(transfer.sku())
                .orElseThrow(() -> ProblemException.notFound("Transfer " + id));
        WarehouseStock source = ledger.stockIn(level, transfer.fromWarehouse());
        WarehouseStock destination = ledger.stockIn(level, transfer.toWarehouse());
        step.apply(transfer, level, source, destination, clock.instant());
        ledger.watch(source);
        ledger.watch(destination);
        return transfer;
    }

    /** A transfer of a SKU the caller sees. */
    public Optional<StockTransfer> one(OperatorScope scope, long id) {
        return StockTransfer.<StockTransfer>findByIdOptional(id).filter(t -> scope.level(t.sku()).isPresent());
    }

    /** Newest first, of one SKU if sku is not null; a merchant's only of its own SKUs. */
    public List<StockTransfer> page(OperatorScope scope, String sku, int page, int size) {
        return StockTransfer.page(scope.admin() ? null : scope.merchantId(), sku, page, size);
    }

    private static Entry entry(String reason, StockTransfer transfer, OperatorScope scope) {
        return new Entry(reason, "transfer:" + transfer.id(), scope.merchantId());
    }
}
