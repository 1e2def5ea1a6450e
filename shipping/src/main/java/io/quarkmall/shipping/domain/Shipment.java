package io.quarkmall.shipping.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** The parcel of one order, as a carrier tracks it. */
@Entity
public class Shipment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long orderId;
    private String shopperId;
    private String carrier;
    private String trackingNumber;
    private String status;
    private Instant createdAt;

    protected Shipment() {
    }

    public static List<Shipment> ofShopper(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt"), shopperId).page(Page.of(page, size)).list();
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
