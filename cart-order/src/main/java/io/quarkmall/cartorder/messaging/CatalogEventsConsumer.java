package io.quarkmall.cartorder.messaging;

import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.domain.RedemptionTerms;
import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.common.money.Money;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps cart-order's copy of listed SKUs, their prices and points-mall terms from
 * catalog.product.v1, each event once (inbox); an older event never overwrites a newer one.
 */
@ApplicationScoped
public class CatalogEventsConsumer extends InboxConsumer {

    /** The fields cart-order reads of catalog.product.v1 (docs/events/). */
    record Sku(String sku, Map<String, String> attributes, Money price, Long pointsPrice, Money pointsCash,
               Integer redeemLimitPerShopper, Integer weightGrams) {
        /** How it is redeemed in the points mall; null when it has no points price. */
        RedemptionTerms redemption() {
            return pointsPrice == null ? null : new RedemptionTerms(pointsPrice,
                    pointsCash == null ? Money.zero(price.currency()) : pointsCash, redeemLimitPerShopper);
        }
    }

    record ProductListed(long productId, String merchantId, String name, Map<String, String> names, List<Sku> skus) {
        /** The merchant's default name; JSON objects keep no order, so "the first of names" is not it. */
        String displayName() {
            return name != null ? name : names.values().iterator().next();
        }
    }

    record ProductDelisted(long productId) {}

    CatalogEventsConsumer(Inbox inbox) {
        super(inbox, EventRoutes.of("cart-order.products")
                .on(ProductListed.class, (product, at) -> product.skus().forEach(sku -> CatalogSku.listed(
                        product.productId(), product.merchantId(), product.displayName(), product.names(), sku.sku(),
                        sku.attributes() == null ? Map.of() : sku.attributes(), sku.price(), sku.redemption(), sku.weightGrams(), at)))
                .on(ProductDelisted.class, (product, at) -> CatalogSku.delisted(product.productId(), at)));
    }

    @Incoming("products")
    @Blocking
    public void onProductEvent(String message) throws Exception {
        receive(message);
    }
}
