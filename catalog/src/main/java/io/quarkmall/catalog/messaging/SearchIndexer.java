package io.quarkmall.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkmall.catalog.search.ProductSearch;
import io.quarkmall.common.outbox.EventEnvelope;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the search index in step with catalog.product.v1: a listed product is indexed, a delisted
 * one removed. Writes are idempotent and versioned by event time, so redelivery and replays from
 * the start of the topic (to rebuild the index) are safe without an inbox.
 */
@ApplicationScoped
public class SearchIndexer {

    private final ProductSearch search;
    private final ObjectMapper json;

    SearchIndexer(ProductSearch search, ObjectMapper json) {
        this.search = search;
        this.json = json;
    }

    @Incoming("products")
    @Blocking
    public void onProductEvent(String message) throws Exception {
        EventEnvelope event = json.readValue(message, EventEnvelope.class);
        long productId = event.payload().path("productId").asLong();
        switch (event.type()) {
            case "ProductListed" -> search.put(productId, document(event.payload()), event.occurredAt());
            case "ProductDelisted" -> search.remove(productId, event.occurredAt());
            default -> { }
        }
    }

    /** What shoppers search and see in results: names per language, SKU codes, the lowest price. */
    private ObjectNode document(JsonNode listed) {
        ObjectNode doc = json.createObjectNode();
        doc.put("productId", listed.path("productId").asLong());
        doc.put("merchantId", listed.path("merchantId").asText());
        doc.set("names", listed.path("names"));
        var skus = doc.putArray("skus");
        listed.path("skus").forEach(sku -> skus.add(sku.path("sku").asText()));
        StreamSupport.stream(listed.path("skus").spliterator(), false)
                .map(sku -> sku.path("price"))
                .min(Comparator.comparingLong(price -> price.path("amountMinor").asLong()))
                .ifPresent(price -> doc.set("fromPrice", price));
        return doc;
    }
}
