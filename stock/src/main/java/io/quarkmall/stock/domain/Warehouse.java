package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A place that keeps stock, with where it is, for allocation by distance later. */
@Entity
public class Warehouse extends PanacheEntityBase {

    /** The warehouse today's single-warehouse stock became, where counts without a warehouse go. */
    public static final String DEFAULT = "DEFAULT";

    @Id
    private String code;
    private String name;
    private String region;
    private double latitude;
    private double longitude;
    private Instant createdAt;

    protected Warehouse() {
    }

    private Warehouse(String code, String name, String region, double latitude, double longitude, Instant now) {
        this.code = code;
        this.name = name;
        this.region = region;
        this.latitude = latitude;
        this.longitude = longitude;
        this.createdAt = now;
    }

    /** Opens a warehouse; its code is unique for good. */
    public static Warehouse open(String code, String name, String region, double latitude, double longitude,
                                 Instant now) {
        findById(DEFAULT, LockModeType.PESSIMISTIC_WRITE); // one opening at a time, so a taken code is seen
        if (findByIdOptional(code).isPresent()) {
            throw new RuleViolation("warehouse-exists", "Warehouse " + code + " already exists");
        }
        var warehouse = new Warehouse(code, name, region, latitude, longitude, now);
        warehouse.persist();
        return warehouse;
    }

    public static Optional<Warehouse> byCode(String code) {
        return findByIdOptional(code);
    }

    public static List<Warehouse> all() {
        return listAll(Sort.ascending("code"));
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }
}
