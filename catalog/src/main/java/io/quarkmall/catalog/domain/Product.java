package io.quarkmall.catalog.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A product (SPU) of one merchant with its SKUs. A new product is a DRAFT; the merchant lists it
 * (shoppers can see and buy it) and delists it (they no longer can), and may list it again.
 */
@Entity
public class Product extends PanacheEntityBase {

    public enum Status { DRAFT, LISTED, DELISTED }

    /**
     * A SKU as the merchant describes it. With a {@code pointsPrice} it can be redeemed in the points
     * mall, for those points alone or, with {@code pointsCash}, for those points plus that money;
     * {@code redeemLimitPerShopper} caps the units one shopper may redeem in all. {@code weightGrams}
     * is one packed unit's weight, which shipping fees are computed from; null when not given.
     */
    public record SkuSpec(String code, Map<String, String> attributes, Money price, Long pointsPrice, Money pointsCash,
                          Integer redeemLimitPerShopper, Integer weightGrams) {

        /** What is wrong with the points-mall terms, by field; empty when nothing is. */
        public Map<String, String> redemptionFaults() {
            var faults = new LinkedHashMap<String, String>();
            if (pointsCash != null && pointsPrice == null) {
                faults.put("pointsCash", "a points-plus-cash price needs a pointsPrice");
            } else if (pointsCash != null && !pointsCash.currency().equals(price.currency())) {
                faults.put("pointsCash", "must be in the price's currency, " + price.currency());
            }
            if (redeemLimitPerShopper != null && pointsPrice == null) {
                faults.put("redeemLimitPerShopper", "a redemption limit needs a pointsPrice");
            }
            return faults;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String merchantId;
    private String name;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> names;
    @Enumerated(EnumType.STRING)
    private Status status;
    @OneToMany(mappedBy = "product", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<Sku> skus = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    protected Product() {
    }

    /** {@code names}: language tag → name; the first is the default display name. */
    public static Product draft(String merchantId, Map<String, String> names, String defaultName,
                                List<SkuSpec> skus, Instant now) {
        var product = new Product();
        product.merchantId = merchantId;
        product.names = Map.copyOf(names);
        product.name = defaultName;
        product.status = Status.DRAFT;
        product.createdAt = now;
        product.updatedAt = now;
        skus.forEach(spec -> product.skus.add(new Sku(product, spec)));
        return product;
    }

    /**
     * New names, prices, points-mall terms and attributes; SKUs whose codes are new are added. A SKU
     * cannot be removed (carts, orders and stock know it): a merchant delists the product instead.
     */
    public void revise(Map<String, String> names, String defaultName, List<SkuSpec> specs, Instant now) {
        Set<String> kept = specs.stream().map(SkuSpec::code).collect(Collectors.toSet());
        List<String> dropped = skus.stream().map(Sku::code).filter(code -> !kept.contains(code)).toList();
        if (!dropped.isEmpty()) {
            throw new RuleViolation("sku-removed", "SKUs cannot be removed from a product, only the product delisted: "
                    + "keep " + dropped + ".");
        }
        this.names = Map.copyOf(names);
        this.name = defaultName;
        for (SkuSpec spec : specs) {
            sku(spec.code()).ifPresentOrElse(
                    sku -> sku.revise(spec),
                    () -> skus.add(new Sku(this, spec)));
        }
        updatedAt = now;
    }

    /** The codes of {@code specs} that this product does not have yet. */
    public List<String> newCodes(List<SkuSpec> specs) {
        return specs.stream().map(SkuSpec::code).filter(code -> sku(code).isEmpty()).toList();
    }

    private Optional<Sku> sku(String code) {
        return skus.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public void list(Instant now) {
        if (status == Status.LISTED) {
            throw new RuleViolation("product-already-listed", "Product " + id + " is already listed.");
        }
        status = Status.LISTED;
        updatedAt = now;
    }

    public void delist(Instant now) {
        if (status != Status.LISTED) {
            throw new RuleViolation("product-not-listed", "Product " + id + " is not listed, so it cannot be delisted.");
        }
        status = Status.DELISTED;
        updatedAt = now;
    }

    public static List<Product> listed(int page, int size) {
        return find("status", Sort.descending("createdAt"), Status.LISTED).page(Page.of(page, size)).list();
    }

    /** Listed products with at least one SKU that has a points price: the points mall's shelves. */
    public static List<Product> listedRedeemable(int page, int size) {
        return find("""
                from Product p where p.status = ?1
                and exists (select s.id from Sku s where s.product = p and s.pointsPrice is not null)
                order by p.createdAt desc, p.id desc""", Status.LISTED).page(Page.of(page, size)).list();
    }

    public static Optional<Product> listedById(long id) {
        return find("id = ?1 and status = ?2", id, Status.LISTED).firstResultOptional();
    }

    public static List<Product> ofMerchant(String merchantId, int page, int size) {
        return find("merchantId", Sort.descending("createdAt"), merchantId).page(Page.of(page, size)).list();
    }

    public static Optional<Product> ofMerchant(String merchantId, long id) {
        return find("id = ?1 and merchantId = ?2", id, merchantId).firstResultOptional();
    }

    /** Locked until the transaction ends: an edit and a delisting of one product apply one after the other. */
    public static Optional<Product> lockOfMerchant(String merchantId, long id) {
        return find("id = ?1 and merchantId = ?2", id, merchantId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The codes among {@code codes} that some product already uses. */
    public static List<String> takenSkuCodes(List<String> codes) {
        return getEntityManager().createQuery("select s.code from Sku s where s.code in :codes", String.class)
                .setParameter("codes", codes).getResultList();
    }

    public Long id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String name() {
        return name;
    }

    public Map<String, String> names() {
        return Map.copyOf(names);
    }

    public Status status() {
        return status;
    }

    public List<Sku> skus() {
        return Collections.unmodifiableList(skus);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
