package io.quarkmall.catalog.rest;

import io.quarkmall.catalog.domain.Product;
import io.quarkmall.catalog.domain.Sku;
import io.quarkmall.common.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What clients see of products: never the entities themselves. */
public final class ProductViews {

    /**
     * {@code pointsPrice} null: not redeemable; {@code pointsCash} null: for points alone; {@code redeemLimitPerShopper}
     * null: no limit; {@code weightGrams} null: not given (shipping then counts the mall's default weight).
     */
    public record SkuView(String sku, Map<String, String> attributes, Money price, Long pointsPrice, Money pointsCash,
                          Integer redeemLimitPerShopper, Integer weightGrams) {
        static SkuView of(Sku s) {
            return new SkuView(s.code(), s.attributes(), s.price(), s.pointsPrice().orElse(null),
                    s.pointsCash().orElse(null), s.redeemLimitPerShopper().orElse(null), s.weightGrams().orElse(null));
        }
    }

    public record ProductView(long id, String name, Map<String, String> names, String status, List<SkuView> skus,
                              Instant createdAt) {
        static ProductView of(Product p) {
            return new ProductView(p.id(), p.name(), p.names(), p.status().name(),
                    p.skus().stream().map(SkuView::of).toList(), p.createdAt());
        }
    }

    private ProductViews() {
    }
}
