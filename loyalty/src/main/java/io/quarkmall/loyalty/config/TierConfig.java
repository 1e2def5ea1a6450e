package io.quarkmall.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.util.Map;

/** The membership tiers, reached by what a shopper spent over a rolling window. */
@ConfigMapping(prefix = "quarkmall.loyalty.tiers")
public interface TierConfig {

    /** The currency spend is counted and thresholds are set in. */
    @WithDefault("CNY")
    String currency();

    /** How far back spend counts. */
    @WithDefault("P12M")
    Period window();

    /** Tier name → its threshold and earning multiplier; the lowest starts at 0. */
    Map<String, Level> levels();

    interface Level {

        /** The spend, in minor units of {@link #currency()}, that reaches the tier. */
        long spendMinor();

        /** What the tier's members earn, in basis points of what the rules grant (10000 = as is). */
        @WithDefault("10000")
        int multiplierBasisPoints();
    }
}
