package io.quarkmall.catalog.service;

import io.quarkmall.catalog.config.CatalogConfig;
import io.quarkmall.catalog.domain.Product;
import io.quarkmall.catalog.domain.Sku;
import io.quarkmall.catalog.domain.ProductEvent.ProductDrafted;
import io.quarkmall.common.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Once per database, at the first start after V3: every existing product's SKUs are announced as
 * ProductDrafted, so stock knows the owner of SKUs created before drafts were announced, however
 * long ago. The marker row is locked, so of several replicas starting at once exactly one does it.
 */
@ApplicationScoped
public class SkuOwnerBackfill {

    private static final Logger LOG = Logger.getLogger(SkuOwnerBackfill.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final CatalogConfig config;
    private final Clock clock;

    SkuOwnerBackfill(EntityManager em, Outbox outbox, CatalogConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent started) {
        run();
    }

    /** Announces every product's SKUs unless that was done before; true if it was done now. */
    public boolean run() {
        return QuarkusTransaction.requiringNew().call(this::announceOnce);
    }

    private boolean announceOnce() {
        List<?> pending = em.createNativeQuery(
                        "SELECT name FROM catalog_backfill WHERE name = 'sku-owners' AND done_at IS NULL FOR UPDATE")
                .getResultList();
        if (pending.isEmpty()) {
            return false;
        }
        List<Product> products = Product.listAll();
        for (Product product : products) {
            List<String> codes = product.skus().stream().map(Sku::code).toList();
            outbox.record(config.productTopic(), product.id().toString(), ProductDrafted.of(product, codes));
        }
        em.createNativeQuery("UPDATE catalog_backfill SET done_at = ?1 WHERE name = 'sku-owners'")
                .setParameter(1, clock.instant()).executeUpdate();
        LOG.infof("Announced the SKU owners of %d existing products", products.size());
        return true;
    }
}
