package io.quarkmall.stock.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** Units of one SKU held for one order. */
@Entity
public class StockReservation extends PanacheEntityBase {

    public enum Status { HELD, CONFIRMED, RELEASED }

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

    public static List<StockReservation> heldFor(long orderId) {
        return list("orderId = ?1 and status = ?2 order by sku", orderId, Status.HELD);
    }

    void close(Status outcome, Instant now) {
        if (status != Status.HELD) {
            throw new IllegalStateException("Reservation of order " + orderId + " for " + sku + " is already " + status);
        }
        status = outcome;
        updatedAt = now;
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
