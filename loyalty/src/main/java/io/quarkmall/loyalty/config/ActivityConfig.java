package io.quarkmall.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the one-off activities earn: the first paid order and a referral. */
@ConfigMapping(prefix = "quarkmall.loyalty.activities")
public interface ActivityConfig {

    /** Points for a shopper's first paid order, on top of what the order earns. */
    @WithDefault("100")
    long firstPaidOrderBonus();

    /** Points for the shopper whose code a new shopper registered, when that shopper's first order is paid. */
    @WithDefault("200")
    long referrerBonus();

    /** Points for the new shopper who registered a code, when their first order is paid. */
    @WithDefault("100")
    long referredBonus();
}
