package io.quarkmall.stock.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Units of one SKU: on hand, and how many of those are reserved for orders not yet paid. */
@Entity
public class StockLevel extends PanacheEntityBase {

    @Id
    private String sku;
    private long onHand;
    private long reserved;
    private Instant updatedAt;

    protected StockLevel() {
    }

    public static Optional<StockLevel> ofSku(String sku) {
        return findByIdOptional(sku);
    }

    public static List<StockLevel> page(int page, int size) {
        return findAll(Sort.ascending("sku")).page(Page.of(page, size)).list();
    }

    public String sku() {
        return sku;
    }

    public long onHand() {
        return onHand;
    }

    public long reserved() {
        return reserved;
    }

    /** What can still be sold. */
    public long available() {
        return onHand - reserved;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
