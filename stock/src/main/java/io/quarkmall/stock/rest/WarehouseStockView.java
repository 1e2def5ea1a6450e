package io.quarkmall.stock.rest;

import io.quarkmall.stock.domain.WarehouseStock;
import java.time.Instant;

/** Stock of one SKU in one warehouse: inbound units are in transit towards it, not yet sellable. */
public record WarehouseStockView(String sku, String warehouse, long onHand, long reserved, long available,
                                 long inbound, Long lowStockThreshold, Instant updatedAt) {

    static WarehouseStockView of(WarehouseStock s) {
        return new WarehouseStockView(s.sku(), s.warehouseCode(), s.onHand(), s.reserved(), s.available(), s.inbound(),
                s.lowThreshold(), s.updatedAt());
    }
}
