package io.quarkmall.stock.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change of the units on hand of a SKU in a warehouse, written once and never changed (the
 * table refuses updates and deletes). A warehouse's on hand is the sum of its movements.
 */
@Entity
public class StockMovement extends PanacheEntityBase {

    /**
     * What moved the units; the sign of the quantity follows from it, except for an adjustment.
     * RETURN_TO_QUARANTINE moves returned units into quarantine, not on hand (see {@link #countsOnHand});
     * once inspected they are QUARANTINE_RELEASED onto the shelf or QUARANTINE_WRITTEN_OFF (never on hand).
     */
    public enum Kind {
        RECEIPT(1), SALE(-1), RETURN_TO_STOCK(1), RETURN_TO_QUARANTINE(1), QUARANTINE_RELEASED(1),
        QUARANTINE_WRITTEN_OFF(-1), ADJUSTMENT(0), TRANSFER_OUT(-1), TRANSFER_IN(1);

        private final int sign;

        Kind(int sign) {
            this.sign = sign;
        }

        /** The signed change of on hand for {@code units} (an adjustment's units are already signed). */
        long change(long units) {
            return sign == 0 ? units : sign * units;
        }

        /** Whether its units are on hand: all but those set apart in quarantine, or written off from there. */
        public boolean countsOnHand() {
            return this != RETURN_TO_QUARANTINE && this != QUARANTINE_WRITTEN_OFF;
        }

        /** Units leaving by a sale or a dispatch were held for it first. */
        public boolean takesHeldUnits() {
            return this == SALE || this == TRANSFER_OUT;
        }
    }

    /** Why, under which reference (an order, a transfer, a delivery note) and by whom units moved. */
    public record Entry(String reason, String reference, String actor) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sku;
    private String warehouseCode;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private long quantity;
    private String reason;
    private String reference;
    private String actor;
    private Instant occurredAt;

    protected StockMovement() {
    }

    StockMovement(String sku, String warehouseCode, Kind kind, long quantity, Entry entry, Instant now) {
        this.sku = sku;
        this.warehouseCode = warehouseCode;
        this.kind = kind;
        this.quantity = quantity;
        this.reason = entry.reason();
        this.reference = entry.reference();
        this.actor = entry.actor();
        this.occurredAt = now;
    }

    /** Units of {@code sku} earlier after-sales returns of an order put back, sellable or not, by warehouse. */
    public static Map<String, Long> returnedOfOrder(long orderId, String sku) {
        var returned = new LinkedHashMap<String, Long>();
        getEntityManager().createQuery("select m.warehouseCode, sum(m.quantity) from StockMovement m where m.sku = ?1 "
                        + "and m.kind in ?2 and m.reference like ?3 group by m.warehouseCode", Object[].class)
                .setParameter(1, sku).setParameter(2, List.of(Kind.RETURN_TO_STOCK, Kind.RETURN_TO_QUARANTINE))
                .setParameter(3, "order:" + orderId + ":after-sales:%").getResultList()
                .forEach(row -> returned.put((String) row[0], ((Number) row[1]).longValue()));
        return returned;
    }

    /** A SKU's movements, newest first, of one kind or (kind null) of all. */
    public static List<StockMovement> pageOf(String sku, Kind kind, int page, int size) {
        var query = kind == null ? find("sku", Sort.descending("id"), sku)
                : find("sku = ?1 and kind = ?2", Sort.descending("id"), sku, kind);
        return query.page(Page.of(page, size)).list();
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

    public Kind kind() {
        return kind;
    }

    /** Signed: positive into the warehouse, negative out of it. */
    public long quantity() {
        return quantity;
    }

    public String reason() {
        return reason;
    }

    public String reference() {
        return reference;
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
