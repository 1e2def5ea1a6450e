package io.quarkmall.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** loyalty's own settings. */
@ConfigMapping(prefix = "quarkmall.loyalty")
public interface LoyaltyConfig {

    /** Points earned per whole currency unit paid. */
    @WithDefault("1")
    long pointsPerUnit();

    /** Where PointsCredited goes. */
    @WithDefault("loyalty.points.v1")
    String pointsTopic();

    /** Where CouponsUsed and CouponsRefused go. */
    @WithDefault("loyalty.coupons.v1")
    String couponsTopic();

    /** How long earned points stay valid: each lot expires this long after it was credited. */
    @WithDefault("P365D")
    Duration pointsValidFor();

    /** Points expiring within this window are shown to the shopper as expiring soon. */
    @WithDefault("P30D")
    Duration expiringSoonWindow();
}
