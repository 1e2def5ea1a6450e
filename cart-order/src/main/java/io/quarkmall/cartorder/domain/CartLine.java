package io.quarkmall.cartorder.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One SKU in a shopper's cart. The price is not kept here: a cart always shows today's price. */
@Entity
@IdClass(CartLine.Key.class)
public class CartLine extends PanacheEntityBase {

    public static final int MAX_QUANTITY = 99;
    public static final int MAX_LINES = 50;

    /** The primary key: one line per shopper and SKU. */
    public static class Key implements Serializable {
        String shopperId;
        String sku;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.shopperId.equals(shopperId) && k.sku.equals(sku);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shopperId, sku);
        }
    }

    @Id
    private String shopperId;
    @Id
    private String sku;
    private int quantity;
    private Instant addedAt;

    protected CartLine() {
    }

    public CartLine(String shopperId, String sku, int quantity, Instant addedAt) {
        this.shopperId = shopperId;
        this.sku = sku;
        this.quantity = quantity;
        this.addedAt = addedAt;
    }

    public static List<CartLine> of(String shopperId) {
        return list("shopperId = ?1 order by addedAt, sku", shopperId);
    }

    public static Optional<CartLine> of(String shopperId, String sku) {
        return find("shopperId = ?1 and sku = ?2", shopperId, sku).firstResultOptional();
    }

    public static long deleteOf(String shopperId) {
        return delete("shopperId", shopperId);
    }

    public void changeQuantity(int quantity) {
        this.quantity = quantity;
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }
}
