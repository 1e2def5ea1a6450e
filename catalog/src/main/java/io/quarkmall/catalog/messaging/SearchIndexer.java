package io.quarkmall.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkmall.catalog.search.ProductSearch;
import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the search index in step with catalog.product.v1: a listed product is indexed, a delisted
 * one removed. Writes are idempotent and versioned by event time, so redelivery and replays from
 * the start of the topic (to rebuild the index) are safe without recording deliveries: the inbox
 * only routes these events, it does not dedupe them.
 */
@ApplicationScoped
public class SearchIndexer {

    /** The fields the index reads of catalog.product.v1 (docs/events/). */
    record Sku(String sku, JsonNode price) {}

    record ProductListed(long productId, String merchantId, JsonNode names, List<Sku> skus) {}

    record ProductDelisted(long productId) {}

    private final Inbox inbox;
    private final ObjectMapper json;
    private final EventRoutes routes;

    SearchIndexer(Inbox inbox, ProductSearch search, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
        this.routes = EventRoutes.of("catalog.search-index")
                .on(ProductListed.class, (listed, at) -> unchecked(() -> search.put(listed.productId(), document(listed), at)))
                .on(ProductDelisted.class, (delisted, at) -> unchecked(() -> search.remove(delisted.productId(), at)));
    }

    @Incoming("products")
    @Blocking
    public void onProductEvent(String message) throws Exception {
        inbox.dispatch(message, routes);
    }

    /** An index write; an unreachable search engine fails the message, which the channel retries or dead-letters. */
    private interface IndexWrite {
        void run() throws IOException;
    }

    private static void unchecked(IndexWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What shoppers search and see in results: names per language, SKU codes, the lowest price. */
    private ObjectNode document(ProductListed listed) {
        ObjectNode doc = json.createObjectNode();
        doc.put("productId", listed.productId());
        doc.put("merchantId", listed.merchantId());
        doc.set("names", listed.names());
        var skus = doc.putArray("skus");
        listed.skus().forEach(sku -> skus.add(sku.sku()));
        listed.skus().stream()
                .map(Sku::price)
                .min(Comparator.comparingLong(price -> price.path("amountMinor").asLong()))
                .ifPresent(price -> doc.set("fromPrice", price));
        return doc;
    }
}
