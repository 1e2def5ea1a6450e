package io.quarkmall.catalog.service;

import io.quarkmall.catalog.config.CatalogConfig;
import io.quarkmall.catalog.domain.Product;
import io.quarkmall.catalog.domain.Product.SkuSpec;
import io.quarkmall.catalog.domain.ProductEvent;
import io.quarkmall.catalog.domain.ProductEvent.ProductDelisted;
import io.quarkmall.catalog.domain.ProductEvent.ProductDrafted;
import io.quarkmall.catalog.domain.ProductEvent.ProductListed;
import io.quarkmall.catalog.domain.ProductEvent.ProductSkusAdded;
import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A merchant's products: created as drafts, listed and delisted, each change announced on catalog.product.v1. */
@ApplicationScoped
public class ProductService {

    private final Outbox outbox;
    private final Clock clock;
    private final CatalogConfig config;

    ProductService(Outbox outbox, Clock clock, CatalogConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** SKU codes are unique across the catalog: stock, carts and orders know a SKU by its code alone. */
    @Transactional
    public Product create(String merchantId, Map<String, String> names, List<SkuSpec> skus) {
        List<String> codes = skus.stream().map(SkuSpec::code).toList();
        refuseTaken(codes);
        var product = Product.draft(merchantId, names, defaultName(names), skus, clock.instant());
        save(product, codes);
        announce(ProductDrafted.of(product, codes));
        return product;
    }

    /**
     * SKUs an edit adds are announced whatever the product's status; a listed product's new state
     * is announced at once: carts, checkout and search follow it.
     */
    @Transactional
    public Product revise(String merchantId, long productId, Map<String, String> names, List<SkuSpec> skus) {
        var product = owned(merchantId, productId);
        List<String> added = product.newCodes(skus);
        refuseTaken(added);
        product.revise(names, defaultName(names), skus, clock.instant());
        save(product, added);
        if (!added.isEmpty()) {
            announce(ProductSkusAdded.of(product, added));
        }
        if (product.status() == Product.Status.LISTED) {
            announce(ProductListed.of(product));
        }
        return product;
    }

    @Transactional
    public Product list(String merchantId, long productId) {
        var product = owned(merchantId, productId);
        product.list(clock.instant());
        announce(ProductListed.of(product));
        return product;
    }

    @Transactional
    public Product delist(String merchantId, long productId) {
        var product = owned(merchantId, productId);
        product.delist(clock.instant());
        announce(new ProductDelisted(product.id()));
        return product;
    }

    /**
     * Locked, because every change rewrites the whole row: an edit that read LISTED must not put a
     * product back on sale that a delisting took off meanwhile.
     */
    private static Product owned(String merchantId, long productId) {
        return Product.lockOfMerchant(merchantId, productId)
                .orElseThrow(() -> ProblemException.notFound("Product " + productId));
    }

    private void announce(ProductEvent event) {
        outbox.record(config.productTopic(), Long.toString(event.productId()), event);
    }

    /** The request's names are ordered: the first is the default display name. */
    private static String defaultName(Map<String, String> names) {
        return names.values().iterator().next();
    }

    private static void refuseTaken(List<String> codes) {
        List<String> taken = codes.isEmpty() ? List.of() : Product.takenSkuCodes(codes);
        if (!taken.isEmpty()) {
            throw skuCodesTaken(taken);
        }
    }

    private static void save(Product product, List<String> newCodes) {
        try {
            product.persistAndFlush();
        } catch (PersistenceException e) {
            // another merchant took one of the new codes between our check and our write
            throw skuCodesTaken(newCodes);
        }
    }

    private static ProblemException skuCodesTaken(List<String> codes) {
        return ProblemException.conflict("sku-code-taken", "These SKU codes are already used: " + codes);
    }
}
