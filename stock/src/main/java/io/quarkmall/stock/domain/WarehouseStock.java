package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.StockMovement.Kind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Units of one SKU in one warehouse: on hand (the sum of its movements), reserved for orders and
 * outgoing transfers, and inbound (dispatched towards it, sellable nowhere until received). Every
 * change of on hand returns the movement that records it.
 */
@Entity
public class WarehouseStock extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sku;
    private String warehouseCode;
    private long onHand;
    private long reserved;
    private long inbound;
    /** Returned units set apart until inspected: neither on hand nor sellable. */
    private long quarantined;
    /** Alert when available falls to this many; null: no alert. */
    private Long lowThreshold;
    /** Raised for the current crossing, so a crossing alerts once; re-armed when available rises above. */
    private boolean lowAlerted;
    private Instant updatedAt;

    protected WarehouseStock() {
    }

    private WarehouseStock(String sku, String warehouseCode, Instant now) {
        this.sku = sku;
        this.warehouseCode = warehouseCode;
        this.updatedAt = now;
    }

    /**
     * The SKU's stock in the warehouse, locked until the transaction ends, opened empty if it had
     * none. The caller holds the lock of the SKU's {@link StockLevel}, so no two open the same.
     */
    public static WarehouseStock lockOrOpen(String sku, String warehouseCode, Instant now) {
        return find("sku = ?1 and warehouseCode = ?2", sku, warehouseCode).withLock(LockModeType.PESSIMISTIC_WRITE)
                .<WarehouseStock>firstResultOptional().orElseGet(() -> {
                    var opened = new WarehouseStock(sku, warehouseCode, now);
                    opened.persist();
                    return opened;
                });
    }

    /** Every warehouse's stock of the SKU, locked in warehouse order (after the SKU's level). */
    public static List<WarehouseStock> lockAllOf(String sku) {
        return find("sku", Sort.ascending("warehouseCode"), sku).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public static List<WarehouseStock> of(String sku) {
        return list("sku", Sort.ascending("warehouseCode"), sku);
    }

    /**
     * Stock with returned units set apart awaiting inspection, the longest waiting first; of one
     * merchant's SKUs, or (merchantId null) of every SKU.
     */
    public static List<WarehouseStock> inQuarantine(String merchantId, int limit) {
        String owned = merchantId == null ? ""
                : " and exists (select 1 from StockLevel l where l.sku = w.sku and l.merchantId = :merchant)";
        var query = getEntityManager().createQuery("select w from WarehouseStock w where w.quarantined > 0" + owned
                + " order by w.updatedAt, w.id", WarehouseStock.class).setMaxResults(limit);
        if (merchantId != null) {
            query.setParameter("merchant", merchantId);
        }
        return query.getResultList();
    }

    public static Optional<WarehouseStock> of(String sku, String warehouseCode) {
        return find("sku = ?1 and warehouseCode = ?2", sku, warehouseCode).firstResultOptional();
    }

    /**
     * Units move on or off the shelf; a sale or a dispatch takes units held for it. Never below what
     * stays reserved.
     */
    public StockMovement record(Kind kind, long units, Entry entry, Instant now) {
        if (!kind.countsOnHand()) {
            throw new RuleViolation("not-on-hand", kind + " is not a change of on hand: see quarantine()");
        }
        long change = kind.change(units);
        long held = kind.takesHeldUnits() ? -change : 0;
        if (held > reserved) {
            throw new RuleViolation("not-held", units + " of " + sku + " in " + warehouseCode + " were not held");
        }
        if (onHand + change < reserved - held) {
            throw new RuleViolation("below-reserved", sku + " in " + warehouseCode + " has " + onHand + " on hand and "
                    + reserved + " reserved; " + change + " would leave too few");
        }
        onHand += change;
        reserved -= held;
        updatedAt = now;
        return new StockMovement(sku, warehouseCode, kind, change, entry, now);
    }

    /** Returned units set apart until inspected: recorded, but not on hand. */
    public StockMovement quarantine(long units, Entry entry, Instant now) {
        if (units <= 0) {
            throw new RuleViolation("units-not-positive", "Quarantined units must be positive: " + units);
        }
        quarantined += units;
        updatedAt = now;
        return new StockMovement(sku, warehouseCode, Kind.RETURN_TO_QUARANTINE, units, entry, now);
    }

    /**
     * Inspected units leave quarantine: released, they are recorded on hand by the caller (a
     * QUARANTINE_RELEASED movement through {@link #record}); written off, by the movement returned.
     */
    public Optional<StockMovement> leaveQuarantine(long units, boolean release, Entry entry, Instant now) {
        if (units <= 0) {
            throw new RuleViolation("units-not-positive", "Units leaving quarantine must be positive: " + units);
        }
        if (units > quarantined) {
            throw new RuleViolation("not-in-quarantine", "Only " + quarantined + " of " + sku + " are in quarantine in "
                    + warehouseCode + ", not " + units);
        }
        quarantined -= units;
        updatedAt = now;
        return release ? Optional.empty()
                : Optional.of(new StockMovement(sku, warehouseCode, Kind.QUARANTINE_WRITTEN_OFF, -units, entry, now));
    }

    public long quarantined() {
        return quarantined;
    }

    /** A stock count: the difference to what was on hand, recorded as an adjustment; empty if none. */
    public Optional<StockMovement> count(long counted, Entry entry, Instant now) {
        return counted == onHand ? Optional.empty() : Optional.of(record(Kind.ADJUSTMENT, counted - onHand, entry, now));
    }

    /** Holds available units for an order or a transfer. */
    public void hold(long units, Instant now) {
        if (units > available()) {
            throw new RuleViolation("not-enough-stock", "Only " + available() + " of " + sku + " available in "
                    + warehouseCode + ", not " + units);
        }
        reserved += units;
        updatedAt = now;
    }

    /** Held units are available again. */
    public void unhold(long units, Instant now) {
        if (units > reserved) {
            throw new RuleViolation("not-held", units + " of " + sku + " in " + warehouseCode + " were not held");
        }
        reserved -= units;
        updatedAt = now;
    }

    /** Units dispatched towards this warehouse. */
    public void expect(long units, Instant now) {
        inbound += units;
        updatedAt = now;
    }

    /** Units dispatched towards this warehouse arrived: they are on its shelf. */
    public StockMovement receiveTransfer(long units, Entry entry, Instant now) {
        if (units > inbound) {
            throw new RuleViolation("not-in-transit", units + " of " + sku + " are not on their way to " + warehouseCode);
        }
        inbound -= units;
        return record(Kind.TRANSFER_IN, units, entry, now);
    }

    /** Sets (or, with null, removes) the low-stock threshold. */
    public void alertAt(Long threshold, Instant now) {
        this.lowThreshold = threshold;
        this.updatedAt = now;
    }

    /**
     * Whether available has just fallen to the threshold or below: true once per crossing, and
     * again only after available has risen above it.
     */
    public boolean crossedLowThreshold() {
        boolean low = lowThreshold != null && available() <= lowThreshold;
        boolean crossed = low && !lowAlerted;
        lowAlerted = low;
        return crossed;
    }

    public String sku() {
        return sku;
    }

    public String warehouseCode() {
        return warehouseCode;
    }

    public long onHand() {
        return onHand;
    }

    public long reserved() {
        return reserved;
    }

    public long available() {
        return onHand - reserved;
    }

    public long inbound() {
        return inbound;
    }

    public Long lowThreshold() {
        return lowThreshold;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
