package io.quarkmall.shipping.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** One scan of a parcel by its carrier. */
@Entity
public class TrackingEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long shipmentId;
    private String status;
    private String location;
    private Instant occurredAt;

    protected TrackingEvent() {
    }

    TrackingEvent(long shipmentId, String status, String location, Instant occurredAt) {
        this.shipmentId = shipmentId;
        this.status = status;
        this.location = location;
        this.occurredAt = occurredAt;
    }

    public static List<TrackingEvent> of(long shipmentId) {
        return list("shipmentId = ?1 order by occurredAt, id", shipmentId);
    }

    public String status() {
        return status;
    }

    public String location() {
        return location;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
