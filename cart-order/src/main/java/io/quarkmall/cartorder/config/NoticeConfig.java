package io.quarkmall.cartorder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** Messages to shoppers: the links their emails carry. The mail server is quarkus.mailer's. */
@ConfigMapping(prefix = "quarkmall.notices")
public interface NoticeConfig {

    /** Where the storefront is, as shoppers reach it: emails link to their order page and to unsubscribe. */
    @WithDefault("http://localhost:8080")
    URI storefrontUrl();
}
