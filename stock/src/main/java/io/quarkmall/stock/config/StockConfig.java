package io.quarkmall.stock.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** stock's own settings. */
@ConfigMapping(prefix = "quarkmall.stock")
public interface StockConfig {

    /** Where StockReserved, StockRejected and StockReleased go. */
    @WithDefault("stock.reservation.v1")
    String reservationTopic();
}
