package io.quarkmall.stock.rest;

import io.quarkmall.stock.domain.StockMovement;
import java.time.Instant;

/** One movement of the ledger; quantity is signed (negative: out of the warehouse). */
public record MovementView(long id, String sku, String warehouse, StockMovement.Kind kind, long quantity, String reason,
                           String reference, String actor, Instant occurredAt) {

    static MovementView of(StockMovement m) {
        return new MovementView(m.id(), m.sku(), m.warehouseCode(), m.kind(), m.quantity(), m.reason(), m.reference(),
                m.actor(), m.occurredAt());
    }
}
