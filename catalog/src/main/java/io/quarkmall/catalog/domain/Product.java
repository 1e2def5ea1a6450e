package io.quarkmall.catalog.domain;

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
import java.util.List;

/** A product (SPU) of one merchant. Only LISTED products are visible to shoppers. */
@Entity
public class Product extends PanacheEntityBase {

    public enum Status { DRAFT, LISTED, DELISTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String merchantId;
    private String name;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;

    protected Product() {
    }

    public static List<Product> listed(int page, int size) {
        return find("status", Sort.descending("createdAt"), Status.LISTED).page(Page.of(page, size)).list();
    }

    public static List<Product> ofMerchant(String merchantId, int page, int size) {
        return find("merchantId", Sort.descending("createdAt"), merchantId).page(Page.of(page, size)).list();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
