package io.quarkmall.common.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What every service accepts over HTTP, and how often. */
@ConfigMapping(prefix = "quarkmall.web")
public interface WebConfig {

    /** The largest request body taken; anything larger is 413 before it is read. */
    @WithDefault("1048576")
    long maxBodyBytes();

    RateLimit rateLimit();

    /**
     * Our own proxies (the edge, the load balancer): only when the peer is one of them is
     * {@code X-Forwarded-For} read at all.
     */
    @WithDefault("127.0.0.1,::1")
    java.util.List<String> trustedProxies();

    /** How many entries at the end of X-Forwarded-For our proxies wrote (the local edge 1; CloudFront and the ALB 2). */
    @WithDefault("1")
    int forwardedHops();

    /** Fixed one-minute windows, counted in Redis so that every replica shares them. */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Requests a signed-in user may make to one service in a minute. */
        @WithDefault("1200")
        int userPerMinute();

        /** Requests one client address may make to one service in a minute without a valid token. */
        @WithDefault("600")
        int anonymousPerMinute();

        /**
         * Requests to a {@code /notifications/} or {@code /carriers/} path (payment channels' and carriers' signed
         * notifications and pushes) one
         * client address may make to one service in a minute: a channel sends all of them from a few addresses,
         * and what they say counts only once their signature verifies.
         */
        @WithDefault("12000")
        int notificationsPerMinute();
    }
}
