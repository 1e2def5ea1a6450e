package io.quarkmall.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** loyalty's own settings. */
@ConfigMapping(prefix = "quarkmall.loyalty")
public interface LoyaltyConfig {

    /** Points earned per whole currency unit paid. */
    @WithDefault("1")
    long pointsPerUnit();

    /** Where PointsCredited goes. */
    @WithDefault("loyalty.points.v1")
    String pointsTopic();
}
