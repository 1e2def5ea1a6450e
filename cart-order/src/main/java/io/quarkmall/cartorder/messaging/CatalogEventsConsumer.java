package io.quarkmall.cartorder.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.outbox.EventEnvelope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps cart-order's copy of listed SKUs and their prices from catalog.product.v1. Applying an
 * event is idempotent and an older event never overwrites a newer one, so no inbox is needed.
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    /** The fields cart-order reads of catalog.product.v1 payloads. */
    record Sku(String sku, Map<String, String> attributes, Money price, Long pointsPrice) {}

    record Product(long productId, String merchantId, String name, Map<String, String> names, List<Sku> skus) {
        /** The merchant's default name; JSON objects keep no order, so "the first of names" is not it. */
        String displayName() {
            return name != null ? name : names.values().iterator().next();
        }
    }

    private final ObjectMapper json;

    CatalogEventsConsumer(ObjectMapper json) {
        this.json = json;
    }

    @Incoming("products")
    @Blocking
    public void onProductEvent(String message) throws Exception {
        EventEnvelope event = json.readValue(message, EventEnvelope.class);
        Product product = json.treeToValue(event.payload(), Product.class);
        QuarkusTransaction.requiringNew().run(() -> {
            switch (event.type()) {
                case "ProductListed" -> product.skus().forEach(sku -> CatalogSku.listed(product.productId(),
                        product.merchantId(), product.displayName(), product.names(), sku.sku(),
                        sku.attributes() == null ? Map.of() : sku.attributes(), sku.price(), sku.pointsPrice(),
                        event.occurredAt()));
                case "ProductDelisted" -> CatalogSku.delisted(product.productId(), event.occurredAt());
                default -> { }
            }
        });
    }
}
