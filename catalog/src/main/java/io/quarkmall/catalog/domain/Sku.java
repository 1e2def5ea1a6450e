package io.quarkmall.catalog.domain;

import io.quarkmall.common.money.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One buyable variant of a product (colour, size): its code is what cart, stock and orders name. */
@Entity
public class Sku {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    private Product product;
    private String code;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> attributes;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "price_minor"))
    private Money price;
    private Long pointsPrice;

    protected Sku() {
    }

    Sku(Product product, String code, Map<String, String> attributes, Money price, Long pointsPrice) {
        this.product = product;
        this.code = code;
        this.attributes = Map.copyOf(attributes);
        this.price = price;
        this.pointsPrice = pointsPrice;
    }

    void revise(Map<String, String> attributes, Money price, Long pointsPrice) {
        this.attributes = Map.copyOf(attributes);
        this.price = price;
        this.pointsPrice = pointsPrice;
    }

    public String code() {
        return code;
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    public Money price() {
        return price;
    }

    /** What the SKU costs in points in the points mall, if it can be bought with points at all. */
    public Optional<Long> pointsPrice() {
        return Optional.ofNullable(pointsPrice);
    }
}
