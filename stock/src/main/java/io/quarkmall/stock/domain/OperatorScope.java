package io.quarkmall.stock.domain;

import java.util.List;
import java.util.Optional;

/**
 * The stock an operator may read and count: an admin every SKU's, a merchant only its own SKUs'.
 * Another merchant's SKU is answered as unknown, so its existence is not given away.
 */
public record OperatorScope(String merchantId, boolean admin) {

    public Optional<StockLevel> level(String sku) {
        return StockLevel.ofSku(sku).filter(this::sees);
    }

    /** Locked until the transaction ends, to be counted. */
    public Optional<StockLevel> levelToCount(String sku) {
        return StockLevel.lockOf(sku).filter(this::sees);
    }

    /** By SKU. */
    public List<StockLevel> levels(int page, int size) {
        return admin ? StockLevel.page(page, size) : StockLevel.pageOf(merchantId, page, size);
    }

    /** Stock of the SKUs it may see with units in quarantine, the longest waiting first. */
    public List<WarehouseStock> inQuarantine(int limit) {
        return WarehouseStock.inQuarantine(admin ? null : merchantId, limit);
    }

    private boolean sees(StockLevel level) {
        return admin || level.ownedBy(merchantId);
    }
}
