package io.quarkmall.stock.messaging;

import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.stock.domain.StockLevel;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from catalog.product.v1 which merchant owns each SKU: when a product is drafted, when an
 * edit adds SKUs, and when it is listed (so a replay of the topic also names the owners of SKUs
 * listed before catalog announced drafts). Each event is applied once (inbox); a message that
 * cannot be read goes to the channel's dead-letter topic.
 */
@ApplicationScoped
public class CatalogEventsConsumer extends InboxConsumer {

    /** The fields stock reads of catalog.product.v1 (docs/events/). */
    record Sku(String sku) {}

    record ProductDrafted(String merchantId, List<Sku> skus) {}

    record ProductSkusAdded(String merchantId, List<Sku> skus) {}

    record ProductListed(String merchantId, List<Sku> skus) {}

    // a delisting changes no owner: the SKU keeps its stock and its merchant
    CatalogEventsConsumer(Inbox inbox, Clock clock) {
        super(inbox, EventRoutes.of("stock.products")
                .on(ProductDrafted.class, p -> owned(p.merchantId(), p.skus(), clock))
                .on(ProductSkusAdded.class, p -> owned(p.merchantId(), p.skus(), clock))
                .on(ProductListed.class, p -> owned(p.merchantId(), p.skus(), clock)));
    }

    /** In SKU order, as reservations lock levels, so the two cannot deadlock. */
    private static void owned(String merchantId, List<Sku> skus, Clock clock) {
        skus.stream().map(Sku::sku).sorted().forEach(sku -> StockLevel.announced(sku, merchantId, clock.instant()));
    }

    @Incoming("products")
    @Blocking
    public void onProductEvent(String message) throws Exception {
        receive(message);
    }
}
