package io.quarkmall.stock.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** A SKU's available units in a warehouse fell to its low-stock threshold: one row per crossing. */
@Entity
public class StockAlert extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sku;
    private String warehouseCode;
    private long threshold;
    private long available;
    private Instant raisedAt;

    protected StockAlert() {
    }

    private StockAlert(WarehouseStock stock, Instant now) {
        this.sku = stock.sku();
        this.warehouseCode = stock.warehouseCode();
        this.threshold = stock.lowThreshold();
        this.available = stock.available();
        this.raisedAt = now;
    }

    /** The alert of a crossing {@link WarehouseStock#crossedLowThreshold()} reported, stored. */
    public static StockAlert raise(WarehouseStock stock, Instant now) {
        var alert = new StockAlert(stock, now);
        alert.persist();
        return alert;
    }

    /** Newest first; of the SKUs a merchant owns when {@code merchantId} is not null, of one SKU when {@code sku} is not. */
    public static List<StockAlert> page(String merchantId, String sku, int page, int size) {
        var filter = SkuFilter.of(merchantId, sku);
        return find(filter.query(), Sort.descending("id"), filter.params()).page(Page.of(page, size)).list();
    }

    public Long id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String warehouseCode() {
        return warehouseCode;
    }

    public long threshold() {
        return threshold;
    }

    public long available() {
        return available;
    }

    public Instant raisedAt() {
        return raisedAt;
    }
}
