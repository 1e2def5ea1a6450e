package io.quarkmall.shipping.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** One scan of a parcel by its carrier: its code and place in the one status model, and the carrier's own location text. */
@Entity
public class TrackingEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long shipmentId;
    private String status;
    @Enumerated(EnumType.STRING)
    private TrackingCode code;
    private String place;
    private String location;
    private Instant occurredAt;

    protected TrackingEvent() {
    }

    TrackingEvent(long shipmentId, String status, TrackingCode code, String place, String location, Instant occurredAt) {
        this.shipmentId = shipmentId;
        this.status = status;
        this.code = code;
        this.place = place;
        this.location = location;
        this.occurredAt = occurredAt;
    }

    public static List<TrackingEvent> of(long shipmentId) {
        return list("shipmentId = ?1 order by occurredAt, id", shipmentId);
    }

    /** The scans of {@code shipmentId} written after the scan {@code lastId}, in the order they were written. */
    public static List<TrackingEvent> after(long shipmentId, long lastId) {
        return list("shipmentId = ?1 and id > ?2 order by id", shipmentId, lastId);
    }

    /** Grows with every scan written, so a live stream's client can say which it saw last. */
    public long id() {
        return id;
    }

    public String status() {
        return status;
    }

    public TrackingCode code() {
        return code;
    }

    /** Where it happened, as a stable code (CN-SH-SORT); null if the carrier's location maps to none. */
    public String place() {
        return place;
    }

    /** The carrier's own words for where it happened, for operators. */
    public String location() {
        return location;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
