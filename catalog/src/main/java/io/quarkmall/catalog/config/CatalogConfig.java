package io.quarkmall.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** catalog's own settings. */
@ConfigMapping(prefix = "quarkmall.catalog")
public interface CatalogConfig {

    /** Where ProductDrafted, ProductSkusAdded, ProductListed and ProductDelisted go. */
    @WithDefault("catalog.product.v1")
    String productTopic();

    /** The OpenSearch index shoppers search; built only from catalog.product.v1 events. */
    @WithDefault("products")
    String searchIndex();
}
