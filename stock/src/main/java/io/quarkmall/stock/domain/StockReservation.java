package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import jakarta.persistence.LockModeType;

/** Units of one SKU held for one order. */
@Entity
public class StockReservation extends PanacheEntityBase {

    /** HELD for an unpaid order; CONFIRMED (sold) or RELEASED; RESTOCKED when a paid order is cancelled before it ships. */
    public enum Status { HELD, CONFIRMED, RELEASED, RESTOCKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long orderId;
    private String sku;
    private long quantity;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private Instant updatedAt;

    protected StockReservation() {
    }

    StockReservation(long orderId, String sku, long quantity, Instant now) {
        this.orderId = orderId;
        this.sku = sku;
        this.quantity = quantity;
        this.status = Status.HELD;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Locked until the transaction ends, so a confirmation and a release of one order never both apply. */
    public static List<StockReservation> heldFor(long orderId) {
        return find("orderId = ?1 and status = ?2 order by sku", orderId, Status.HELD)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** What an order still holds or has bought, that its cancellation gives back. */
    public static List<StockReservation> returnableFor(long orderId) {
        return find("orderId = ?1 and status in ?2 order by sku", orderId, List.of(Status.HELD, Status.CONFIRMED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** What an order bought (paid for, not cancelled): where returned units go back to. */
    public static List<StockReservation> soldFor(long orderId) {
        return list("orderId = ?1 and status = ?2 order by sku, id", orderId, Status.CONFIRMED);
    }

    void restocked(Instant now) {
        if (status != Status.CONFIRMED) {
            throw new RuleViolation("reservation-not-confirmed", "Reservation of order " + orderId + " for " + sku
                    + " is " + status + ", not CONFIRMED");
        }
        status = Status.RESTOCKED;
        updatedAt = now;
    }

    void close(Status outcome, Instant now) {
        if (status != Status.HELD) {
            throw new RuleViolation("reservation-closed", "Reservation of order " + orderId + " for " + sku
                    + " is already " + status);
        }
        status = outcome;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public long quantity() {
        return quantity;
    }

    public Status status() {
        return status;
    }
}
