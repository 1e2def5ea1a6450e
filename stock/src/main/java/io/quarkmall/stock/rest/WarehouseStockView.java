package io.quarkmall.stock.rest;

import io.quarkmall.stock.domain.WarehouseStock;
import java.time.Instant;

/**
 * Stock of one SKU in one warehouse: inbound units are in transit towards it, not yet sellable;
 * quarantined ones were returned by shoppers and are set apart until inspected, not on hand.
 */
public record WarehouseStockView(String sku, String warehouse, long onHand, long reserved, long available,
                                 long inbound, long quarantined, Long lowStockThreshold, Instant updatedAt) {

    static WarehouseStockView of(WarehouseStock s) {
        return new WarehouseStockView(s.sku(), s.warehouseCode(), s.onHand(), s.reserved(), s.available(), s.inbound(),
                s.quarantined(), s.lowThreshold(), s.updatedAt());
    }
}
