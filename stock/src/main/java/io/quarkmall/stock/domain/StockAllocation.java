package io.quarkmall.stock.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.List;

/** The units of a reservation one warehouse holds (and, once the order is paid, sold). */
@Entity
public class StockAllocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long reservationId;
    private String warehouseCode;
    private long quantity;

    protected StockAllocation() {
    }

    StockAllocation(long reservationId, String warehouseCode, long quantity) {
        this.reservationId = reservationId;
        this.warehouseCode = warehouseCode;
        this.quantity = quantity;
    }

    public static List<StockAllocation> of(StockReservation reservation) {
        return list("reservationId = ?1 order by warehouseCode", reservation.id());
    }

    public String warehouseCode() {
        return warehouseCode;
    }

    public long quantity() {
        return quantity;
    }
}
