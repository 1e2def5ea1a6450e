package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Units of one SKU moving between two warehouses. REQUESTED holds them at the source (no longer
 * available there), IN_TRANSIT has taken them off its shelf (sellable nowhere), RECEIVED has put
 * them on the destination's shelf; only a REQUESTED transfer can be CANCELLED.
 */
@Entity
public class StockTransfer extends PanacheEntityBase {

    public enum Status { REQUESTED, IN_TRANSIT, RECEIVED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sku;
    private String fromWarehouse;
    private String toWarehouse;
    private long quantity;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String reference;
    private String requestedBy;
    private Instant requestedAt;
    private Instant updatedAt;

    protected StockTransfer() {
    }

    StockTransfer(String sku, String fromWarehouse, String toWarehouse, long quantity, String reference,
                  String requestedBy, Instant now) {
        if (fromWarehouse.equals(toWarehouse)) {
            throw new RuleViolation("same-warehouse", "A transfer goes from one warehouse to another, not to "
                    + fromWarehouse + " itself");
        }
        this.sku = sku;
        this.fromWarehouse = fromWarehouse;
        this.toWarehouse = toWarehouse;
        this.quantity = quantity;
        this.status = Status.REQUESTED;
        this.reference = reference;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.updatedAt = now;
    }

    /** Requests a transfer and holds its units at the source, which must have them available. */
    public static StockTransfer request(WarehouseStock source, String toWarehouse, long quantity, String reference,
                                        String requestedBy, Instant now) {
        var transfer = new StockTransfer(source.sku(), source.warehouseCode(), toWarehouse, quantity, reference,
                requestedBy, now);
        source.hold(quantity, now);
        return transfer;
    }

    /** Locked until the transaction ends, so two steps of one transfer never both apply. */
    public static Optional<StockTransfer> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first; of the SKUs a merchant owns when {@code merchantId} is not null, of one SKU when {@code sku} is not. */
    public static List<StockTransfer> page(String merchantId, String sku, int page, int size) {
        var filter = SkuFilter.of(merchantId, sku);
        return find(filter.query(), Sort.descending("id"), filter.params()).page(Page.of(page, size)).list();
    }

    /** REQUESTED → IN_TRANSIT: the held units leave the source's shelf and are expected at the destination. */
    public StockMovement dispatch(WarehouseStock source, WarehouseStock destination, StockMovement.Entry entry,
                                  Instant now) {
        move(Status.REQUESTED, Status.IN_TRANSIT, now);
        destination.expect(quantity, now);
        return source.record(StockMovement.Kind.TRANSFER_OUT, quantity, entry, now);
    }

    /** IN_TRANSIT → RECEIVED: the units are on the destination's shelf. */
    public StockMovement receive(WarehouseStock destination, StockMovement.Entry entry, Instant now) {
        move(Status.IN_TRANSIT, Status.RECEIVED, now);
        return destination.receiveTransfer(quantity, entry, now);
    }

    /** REQUESTED → CANCELLED: the held units are available at the source again. */
    public void cancel(WarehouseStock source, Instant now) {
        move(Status.REQUESTED, Status.CANCELLED, now);
        source.unhold(quantity, now);
    }

    private void move(Status from, Status to, Instant now) {
        if (status != from) {
            throw new RuleViolation("transfer-not-" + from.name().toLowerCase().replace('_', '-'),
                    "Transfer " + id + " is " + status + ", not " + from);
        }
        status = to;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String fromWarehouse() {
        return fromWarehouse;
    }

    public String toWarehouse() {
        return toWarehouse;
    }

    public long quantity() {
        return quantity;
    }

    public Status status() {
        return status;
    }

    public String reference() {
        return reference;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
