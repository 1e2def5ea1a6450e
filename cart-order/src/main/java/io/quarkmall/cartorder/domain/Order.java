package io.quarkmall.cartorder.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A shopper's order. Money is minor units plus an ISO-4217 currency. */
@Entity
@Table(name = "shop_order")
public class Order extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    private String status;
    private long totalMinor;
    private String currency;
    private Instant createdAt;

    protected Order() {
    }

    public static List<Order> ofShopper(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt"), shopperId).page(Page.of(page, size)).list();
    }

    public Long id() {
        return id;
    }

    public String status() {
        return status;
    }

    public long totalMinor() {
        return totalMinor;
    }

    public String currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
