package io.quarkmall.stock.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** How sales are counted for the analysis: whose calendar days, in which currency, from how much history. */
@ConfigMapping(prefix = "quarkmall.stock.analysis")
public interface AnalysisConfig {

    /** The time zone whose calendar days sales are counted on (the mall's). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The currency revenue is compared in; a SKU that never sold is shown in it. */
    @WithDefault("CNY")
    String currency();

    /** Whole days a SKU must have been selling (since its first sale) before its demand is forecast. */
    @WithDefault("7")
    int minHistoryDays();
}
