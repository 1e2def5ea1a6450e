package io.quarkmall.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the RETURN_WINDOW_CLOSED rules are applied. */
@ConfigMapping(prefix = "quarkmall.loyalty.earning-rules")
public interface EarningRulesConfig {

    /** How often completed orders are checked for return windows that have closed. */
    @WithDefault("1m")
    Duration scanInterval();

    /** How many orders one transaction of the scan settles at most. */
    @WithDefault("100")
    int scanBatch();
}
