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

    /** The heaviest a packed unit may weigh: 100 kg. */
    public static final int MAX_WEIGHT_GRAMS = 100_000;

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
    /** In the price's currency (SkuSpec.redemptionFaults refuses another). */
    private Long pointsCashMinor;
    private Integer redeemLimitPerShopper;
    private Integer weightGrams;

    protected Sku() {
    }

    Sku(Product product, Product.SkuSpec spec) {
        this.product = product;
        this.code = spec.code();
        revise(spec);
    }

    void revise(Product.SkuSpec spec) {
        this.attributes = Map.copyOf(spec.attributes());
        this.price = spec.price();
        this.pointsPrice = spec.pointsPrice();
        this.pointsCashMinor = spec.pointsCash() == null ? null : spec.pointsCash().amountMinor();
        this.redeemLimitPerShopper = spec.redeemLimitPerShopper();
        this.weightGrams = spec.weightGrams();
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

    /** The money part of a points-plus-cash price: redeemed for {@link #pointsPrice()} plus this. */
    public Optional<Money> pointsCash() {
        return Optional.ofNullable(pointsCashMinor).map(minor -> new Money(minor, price.currency()));
    }

    /** The most units one shopper may redeem in all; empty: no limit. */
    public Optional<Integer> redeemLimitPerShopper() {
        return Optional.ofNullable(redeemLimitPerShopper);
    }

    /** One packed unit's weight in grams, if the merchant gave it. */
    public Optional<Integer> weightGrams() {
        return Optional.ofNullable(weightGrams);
    }
}
