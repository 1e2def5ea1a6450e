package io.quarkmall.stock.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How flash sales run: their topic, the sale token, the loading into Redis, the bot limits. */
@ConfigMapping(prefix = "quarkmall.flash-sale")
public interface FlashSaleConfig {

    /** Where FlashSaleAdmitted and FlashSaleTicketReturned go. */
    @WithDefault("stock.flashsale.v1")
    String topic();

    /** The HMAC secret of sale tokens (at least 32 bytes); from the environment in production. */
    String tokenSecret();

    /** A sale token is issued only this long before the start (and until the end), so bots cannot stock up early. */
    @WithDefault("PT60S")
    Duration tokenWindow();

    /** A sale's units and limits are put into Redis this long before it starts. */
    @WithDefault("PT2M")
    Duration loadAhead();

    /** An admitted ticket whose order is not paid within this returns its unit to the sale. */
    @WithDefault("PT15M")
    Duration ticketTtl();

    /** Tickets moved from Redis to PostgreSQL in one transaction. */
    @WithDefault("500")
    int drainBatch();

    RateLimit rateLimit();

    /** Attempts (token requests and purchases) counted in Redis per fixed window. */
    interface RateLimit {

        @WithDefault("PT10S")
        Duration window();

        @WithDefault("20")
        int perShopper();

        @WithDefault("100")
        int perAddress();
    }
}
