package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Units of one SKU over all its warehouses ({@link WarehouseStock}): on hand, and how many of those
 * are reserved for orders not yet paid and transfers not yet dispatched. Its lock is the SKU's: every
 * change of the SKU's stock in any warehouse takes it first.
 */
@Entity
public class StockLevel extends PanacheEntityBase {

    @Id
    private String sku;
    /** Who owns the SKU, as catalog announced it; null for a level counted before stock knew owners. */
    private String merchantId;
    private long onHand;
    private long reserved;
    private Instant updatedAt;

    protected StockLevel() {
    }

    private StockLevel(String sku, String merchantId, Instant now) {
        this.sku = sku;
        this.merchantId = merchantId;
        this.updatedAt = now;
    }

    /**
     * Catalog announced the SKU as this merchant's: stock knows it from now on, with nothing on hand
     * until it is counted. Catalog is the authority on owners, so a later announcement wins.
     */
    public static void announced(String sku, String merchantId, Instant now) {
        StockLevel.<StockLevel>findByIdOptional(sku, LockModeType.PESSIMISTIC_WRITE).ifPresentOrElse(
                level -> level.merchantId = merchantId,
                () -> new StockLevel(sku, merchantId, now).persist());
    }

    /**
     * Locks the levels of these SKUs for the rest of the transaction, always in SKU order so that
     * two orders locking overlapping SKUs cannot deadlock.
     */
    public static Map<String, StockLevel> lockForUpdate(Collection<String> skus) {
        List<StockLevel> levels = find("sku in ?1", Sort.ascending("sku"), skus)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        return levels.stream().collect(Collectors.toMap(StockLevel::sku, Function.identity()));
    }

    /** Locked until the transaction ends, to be counted; empty for a SKU catalog never announced. */
    public static Optional<StockLevel> lockOf(String sku) {
        return findByIdOptional(sku, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * A change in one of its warehouses (a receipt, a count, a transfer) moved the SKU's totals;
     * never below what is reserved.
     */
    public void moved(long onHandChange, long reservedChange, Instant now) {
        if (reserved + reservedChange < 0 || onHand + onHandChange < reserved + reservedChange) {
            throw new RuleViolation("below-reserved", sku + " has " + onHand + " on hand and " + reserved
                    + " reserved; it cannot move by " + onHandChange + " and " + reservedChange);
        }
        onHand += onHandChange;
        reserved += reservedChange;
        updatedAt = now;
    }

    /** Holds units for an order; the caller stores the reservation it returns. */
    public StockReservation hold(long orderId, long quantity, Instant now) {
        if (quantity > available()) {
            throw new RuleViolation("not-enough-stock", "Only " + available() + " of " + sku + " available, not "
                    + quantity);
        }
        reserved += quantity;
        updatedAt = now;
        return new StockReservation(orderId, sku, quantity, now);
    }

    /** The order was paid: the held units leave the warehouse. */
    public void confirm(StockReservation reservation, Instant now) {
        reservation.close(StockReservation.Status.CONFIRMED, now);
        reserved -= reservation.quantity();
        onHand -= reservation.quantity();
        updatedAt = now;
    }

    /** The order was cancelled: the held units can be sold again. */
    public void release(StockReservation reservation, Instant now) {
        reservation.close(StockReservation.Status.RELEASED, now);
        reserved -= reservation.quantity();
        updatedAt = now;
    }

    /** A paid order was cancelled before it shipped: its units are back on the shelf. */
    public void restock(StockReservation reservation, Instant now) {
        reservation.restocked(now);
        onHand += reservation.quantity();
        updatedAt = now;
    }

    public static Optional<StockLevel> ofSku(String sku) {
        return findByIdOptional(sku);
    }

    /** The levels of those SKUs stock has counted, by SKU, unlocked: for reading only. */
    public static Map<String, StockLevel> bySku(Collection<String> skus) {
        return StockLevel.<StockLevel>list("sku in ?1", skus).stream()
                .collect(Collectors.toMap(StockLevel::sku, Function.identity()));
    }

    public static List<StockLevel> page(int page, int size) {
        return findAll(Sort.ascending("sku")).page(Page.of(page, size)).list();
    }

    public static List<StockLevel> pageOf(String merchantId, int page, int size) {
        return find("merchantId", Sort.ascending("sku"), merchantId).page(Page.of(page, size)).list();
    }

    public boolean ownedBy(String merchantId) {
        return merchantId.equals(this.merchantId);
    }

    public String sku() {
        return sku;
    }

    public String merchantId() {
        return merchantId;
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
