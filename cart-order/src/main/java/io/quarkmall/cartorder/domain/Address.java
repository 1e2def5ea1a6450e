package io.quarkmall.cartorder.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a shopper's address book. The address itself is personal data: it is kept only as
 * {@code sealed} text (the whole {@link PostalAddress}, sealed under the shopper's data key); the
 * country stays readable. At most one entry of a shopper is the default (a partial unique index).
 */
@Entity
@Table(name = "shopper_address")
public class Address extends PanacheEntityBase {

    /** How many addresses one shopper's book holds at most. */
    public static final int MAX_PER_SHOPPER = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    private String country;
    private String sealed;
    private boolean isDefault;
    private Instant createdAt;
    private Instant updatedAt;

    protected Address() {
    }

    public Address(String shopperId, String country, String sealed, boolean isDefault, Instant now) {
        this.shopperId = shopperId;
        this.country = country;
        this.sealed = sealed;
        this.isDefault = isDefault;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The shopper's addresses, the default first, then the newest. */
    public static List<Address> of(String shopperId) {
        return list("shopperId", Sort.descending("isDefault").and("createdAt", Sort.Direction.Descending)
                .and("id", Sort.Direction.Descending), shopperId);
    }

    public static Optional<Address> ownedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).firstResultOptional();
    }

    public static Optional<Address> defaultOf(String shopperId) {
        return find("shopperId = ?1 and isDefault = true", shopperId).firstResultOptional();
    }

    public static long countOf(String shopperId) {
        return count("shopperId", shopperId);
    }

    public static long deleteOf(String shopperId) {
        return delete("shopperId", shopperId);
    }

    public void replace(String country, String sealed, Instant now) {
        this.country = country;
        this.sealed = sealed;
        this.updatedAt = now;
    }

    public void makeDefault(boolean isDefault, Instant now) {
        this.isDefault = isDefault;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String shopperId() {
        return shopperId;
    }

    public String sealed() {
        return sealed;
    }

    public boolean isDefault() {
        return isDefault;
    }
}
