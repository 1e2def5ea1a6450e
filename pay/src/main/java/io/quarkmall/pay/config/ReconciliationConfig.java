package io.quarkmall.pay.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The daily reconciliation of each channel's statement with pay's records. */
@ConfigMapping(prefix = "quarkmall.pay.reconciliation")
public interface ReconciliationConfig {

    /**
     * When yesterday (in China's time, Asia/Shanghai) is reconciled for every channel: a Quartz-style
     * cron in Asia/Shanghai, by default 02:30 each day; {@code off} turns the daily run off.
     */
    @WithDefault("0 30 2 * * ?")
    String cron();
}
