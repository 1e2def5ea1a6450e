package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One unit of a flash sale a shopper was admitted to buy, as drained from Redis: ADMITTED, then
 * ORDERED (an order carries it) and PAID, or RETURNED to the sale when its order is cancelled or
 * it was not paid in time; RESTOCKED (back on the shelf) when its paid order is cancelled before
 * it ships.
 */
@Entity
public class FlashSaleTicket extends PanacheEntityBase {

    public enum Status { ADMITTED, ORDERED, PAID, RETURNED, RESTOCKED }

    @Id
    private UUID ticketId;
    private long saleId;
    private String shopperId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long orderId;
    private Instant admittedAt;
    private Instant updatedAt;

    protected FlashSaleTicket() {
    }

    public FlashSaleTicket(UUID ticketId, long saleId, String shopperId, Instant admittedAt, Instant now) {
        this.ticketId = ticketId;
        this.saleId = saleId;
        this.shopperId = shopperId;
        this.status = Status.ADMITTED;
        this.admittedAt = admittedAt;
        this.updatedAt = now;
    }

    /** An order was placed for this ticket. */
    public void ordered(long orderId, Instant now) {
        if (status != Status.ADMITTED) {
            throw new RuleViolation("flash-sale-ticket-not-admitted", "Ticket " + ticketId + " is " + status);
        }
        this.orderId = orderId;
        this.status = Status.ORDERED;
        this.updatedAt = now;
    }

    public void paid(Instant now) {
        if (status != Status.ORDERED) {
            throw new RuleViolation("flash-sale-ticket-not-ordered", "Ticket " + ticketId + " is " + status);
        }
        this.status = Status.PAID;
        this.updatedAt = now;
    }

    /**
     * Why order {@code orderId} of {@code lines} may not take this ticket's unit of a sale of
     * {@code saleSku}; empty when it may: the ticket is admitted (or that very order's already), and
     * the order is one unit of the sale's SKU.
     */
    public Optional<String> refusalFor(long orderId, String saleSku, List<ReservePolicy.Line> lines) {
        boolean open = status == Status.ADMITTED || status == Status.ORDERED && Long.valueOf(orderId).equals(this.orderId);
        if (!open) {
            return Optional.of("ticket " + ticketId + " is " + status + (this.orderId == null ? "" : " for order " + this.orderId));
        }
        if (lines.size() != 1 || !lines.getFirst().sku().equals(saleSku) || lines.getFirst().quantity() != 1) {
            return Optional.of("ticket " + ticketId + " buys one unit of " + saleSku + ", not " + lines);
        }
        return Optional.empty();
    }

    /** Its paid order was cancelled before it shipped: the unit goes back on the shelf. False unless it was paid for. */
    public boolean restocked(Instant now) {
        if (status != Status.PAID) {
            return false;
        }
        this.status = Status.RESTOCKED;
        this.updatedAt = now;
        return true;
    }

    /** Its unit goes back to the sale; false when it already went back or was paid for. */
    public boolean returnToSale(Instant now) {
        if (status == Status.RETURNED || status == Status.PAID || status == Status.RESTOCKED) {
            return false;
        }
        this.status = Status.RETURNED;
        this.updatedAt = now;
        return true;
    }

    public static Optional<FlashSaleTicket> lockOf(UUID ticketId) {
        return findByIdOptional(ticketId, LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<FlashSaleTicket> lockOfOrder(long orderId) {
        return find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Tickets admitted before {@code admittedBefore} that no order carries yet, oldest first. */
    public static List<UUID> admittedBefore(Instant admittedBefore, int limit) {
        return find("status = ?1 and admittedAt < ?2 order by admittedAt", Status.ADMITTED, admittedBefore)
                .page(0, limit).<FlashSaleTicket>list().stream().map(FlashSaleTicket::ticketId).toList();
    }

    /** A sale's tickets counted by status (statuses without a ticket are absent). */
    public static Map<Status, Long> countsOf(long saleId) {
        var counts = new EnumMap<Status, Long>(Status.class);
        getEntityManager().createQuery("select t.status, count(t) from FlashSaleTicket t where t.saleId = ?1 "
                        + "group by t.status", Object[].class).setParameter(1, saleId).getResultList()
                .forEach(row -> counts.put((Status) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** SKUs of the flash sales whose tickets order {@code orderId} carries. */
    public static Set<String> skusOfOrder(long orderId) {
        return Set.copyOf(getEntityManager().createQuery("select s.sku from FlashSaleTicket t, FlashSale s "
                + "where t.orderId = ?1 and s.id = t.saleId", String.class).setParameter(1, orderId).getResultList());
    }

    /** Units of {@code sku} order {@code orderId} bought through paid flash-sale tickets, by the sale's warehouse. */
    public static Map<String, Long> paidUnitsOfOrder(long orderId, String sku) {
        var units = new LinkedHashMap<String, Long>();
        getEntityManager().createQuery("select s.warehouseCode, count(t) from FlashSaleTicket t, FlashSale s "
                        + "where t.orderId = ?1 and s.id = t.saleId and s.sku = ?2 and t.status = ?3 "
                        + "group by s.warehouseCode order by s.warehouseCode", Object[].class)
                .setParameter(1, orderId).setParameter(2, sku).setParameter(3, Status.PAID).getResultList()
                .forEach(row -> units.put((String) row[0], ((Number) row[1]).longValue()));
        return units;
    }

    /** A ticket of a sale as PostgreSQL holds it: whose, and whether it went back to the sale. */
    public record Held(UUID ticketId, String shopperId, boolean returned) {}

    /** Every ticket drained for a sale (a sale's tickets are at most its units). */
    public static List<Held> heldOf(long saleId) {
        return getEntityManager().createQuery("select t.ticketId, t.shopperId, t.status from FlashSaleTicket t "
                        + "where t.saleId = ?1", Object[].class).setParameter(1, saleId).getResultList().stream()
                .map(row -> new Held((UUID) row[0], (String) row[1], row[2] == Status.RETURNED)).toList();
    }

    /** Units of a sale sold for good or on their way: every ticket not returned. */
    public static long soldOf(long saleId) {
        return count("saleId = ?1 and status <> ?2", saleId, Status.RETURNED);
    }

    public UUID ticketId() {
        return ticketId;
    }

    public long saleId() {
        return saleId;
    }

    public String shopperId() {
        return shopperId;
    }

    public Status status() {
        return status;
    }

    public Long orderId() {
        return orderId;
    }

    public Instant admittedAt() {
        return admittedAt;
    }
}
