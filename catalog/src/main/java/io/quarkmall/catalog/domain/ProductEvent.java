package io.quarkmall.catalog.domain;

import io.quarkmall.common.money.Money;
import java.util.List;
import java.util.Map;

/**
 * What catalog announces on catalog.product.v1 (docs/events/catalog.product.v1.schema.json), keyed
 * by product. The record's name is the event's type.
 */
public sealed interface ProductEvent {

    long productId();

    record SkuCode(String sku) {
        static List<SkuCode> of(List<String> codes) {
            return codes.stream().map(SkuCode::new).toList();
        }
    }

    /**
     * A listed SKU as carts, checkout and search see it; {@code pointsPrice} is null when it cannot be
     * bought with points, {@code pointsCash} when it is redeemed for points alone,
     * {@code redeemLimitPerShopper} when one shopper may redeem any number, {@code weightGrams} (one packed
     * unit's) when the merchant did not give it.
     */
    record ListedSku(String sku, Map<String, String> attributes, Money price, Long pointsPrice, Money pointsCash,
                     Integer redeemLimitPerShopper, Integer weightGrams) {
        static ListedSku of(Sku sku) {
            return new ListedSku(sku.code(), sku.attributes(), sku.price(), sku.pointsPrice().orElse(null),
                    sku.pointsCash().orElse(null), sku.redeemLimitPerShopper().orElse(null), sku.weightGrams().orElse(null));
        }
    }

    /** A new product: these SKUs are this merchant's, so stock can be counted before it is listed. */
    record ProductDrafted(long productId, String merchantId, List<SkuCode> skus) implements ProductEvent {
        public static ProductDrafted of(Product product, List<String> codes) {
            return new ProductDrafted(product.id(), product.merchantId(), SkuCode.of(codes));
        }
    }

    /** An edit added SKUs, in any status. */
    record ProductSkusAdded(long productId, String merchantId, List<SkuCode> skus) implements ProductEvent {
        public static ProductSkusAdded of(Product product, List<String> codes) {
            return new ProductSkusAdded(product.id(), product.merchantId(), SkuCode.of(codes));
        }
    }

    /** On listing, and again whenever a listed product is edited: consumers upsert. */
    record ProductListed(long productId, String merchantId, String name, Map<String, String> names,
                         List<ListedSku> skus) implements ProductEvent {
        public static ProductListed of(Product product) {
            return new ProductListed(product.id(), product.merchantId(), product.name(), product.names(),
                    product.skus().stream().map(ListedSku::of).toList());
        }
    }

    record ProductDelisted(long productId) implements ProductEvent {}
}
