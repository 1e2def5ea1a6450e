package io.quarkmall.cartorder.domain;

import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * cart-order's copy of a SKU as catalog last announced it (catalog.product.v1). Carts and checkout
 * price from here; a delisted product's SKUs stay, unlisted, so old carts can say why they fail.
 */
@Entity
public class CatalogSku extends PanacheEntityBase {

    @Id
    private String sku;
    private long productId;
    private String merchantId;
    private String productName;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> names;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> attributes;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "price_minor"))
    private Money price;
    private Long pointsPrice;
    /** The money part of the points-plus-cash price, in the price's currency (catalog guarantees it). */
    private Long pointsCashMinor;
    private Integer redeemLimitPerShopper;
    /** One packed unit's weight; null when catalog was not told it. */
    private Integer weightGrams;
    private boolean listed;
    private Instant updatedAt;

    protected CatalogSku() {
    }

    /**
     * The product was listed (again) with these SKUs and prices; {@code redemption} is null when the
     * SKU cannot be redeemed with points, {@code weightGrams} when catalog was not told it. An older announcement never wins.
     */
    public static void listed(long productId, String merchantId, String name, Map<String, String> names, String sku,
                              Map<String, String> attributes, Money price, RedemptionTerms redemption, Integer weightGrams,
                              Instant at) {
        CatalogSku copy = CatalogSku.<CatalogSku>findByIdOptional(sku).orElseGet(() -> {
            var fresh = new CatalogSku();
            fresh.sku = sku;
            return fresh;
        });
        if (copy.updatedAt != null && copy.updatedAt.isAfter(at)) {
            return;
        }
        copy.productId = productId;
        copy.merchantId = merchantId;
        copy.names = Map.copyOf(names);
        copy.productName = name;
        copy.attributes = Map.copyOf(attributes);
        copy.price = price;
        copy.pointsPrice = redemption == null ? null : redemption.points();
        copy.pointsCashMinor = redemption == null ? null : redemption.cash().amountMinor();
        copy.redeemLimitPerShopper = redemption == null ? null : redemption.limitPerShopper();
        copy.weightGrams = weightGrams;
        copy.listed = true;
        copy.updatedAt = at;
        copy.persist();
    }

    public static void delisted(long productId, Instant at) {
        update("listed = false, updatedAt = ?1 where productId = ?2 and updatedAt <= ?1", at, productId);
    }

    /** The copies of these SKUs, by SKU code. */
    public static Map<String, CatalogSku> bySku(Collection<String> skus) {
        return CatalogSku.<CatalogSku>list("sku in ?1", skus).stream()
                .collect(Collectors.toMap(CatalogSku::sku, Function.identity()));
    }

    /** The listed SKUs of a product, by SKU code. */
    public static List<CatalogSku> listedOfProduct(long productId) {
        return list("productId = ?1 and listed = true order by sku", productId);
    }

    public String sku() {
        return sku;
    }

    public long productId() {
        return productId;
    }

    public String productName() {
        return productName;
    }

    public Map<String, String> names() {
        return Map.copyOf(names);
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    public Money price() {
        return price;
    }

    /** One packed unit's weight in grams, if catalog was told it. */
    public Optional<Integer> weightGrams() {
        return Optional.ofNullable(weightGrams);
    }

    public boolean listed() {
        return listed;
    }

    /** How the SKU is redeemed in the points mall; empty when it has no points price. */
    public Optional<RedemptionTerms> redemptionTerms() {
        if (pointsPrice == null) {
            return Optional.empty();
        }
        long cash = pointsCashMinor == null ? 0 : pointsCashMinor;
        return Optional.of(new RedemptionTerms(pointsPrice, new Money(cash, price.currency()), redeemLimitPerShopper));
    }
}
