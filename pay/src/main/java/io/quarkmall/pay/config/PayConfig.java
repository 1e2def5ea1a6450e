package io.quarkmall.pay.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** pay's own settings. */
@ConfigMapping(prefix = "quarkmall.pay")
public interface PayConfig {

    /** Where PaymentSucceeded, PaymentFailed and PaymentRefunded go. */
    @WithDefault("payment.v1")
    String paymentTopic();

    /** How often refunds still owed are tried at the gateway. */
    @WithDefault("2s")
    Duration refundInterval();

    Channels channels();

    CartOrder cartOrder();

    /** How pay calls the channels: retries, the circuit breaker, and asking about payments still pending. */
    interface Channels {
        /** Calls of one operation before a transient error is given up on (the first call included). */
        @WithDefault("3")
        int attempts();

        /** The wait before the first retry; it doubles each time, plus up to as much again of random jitter. */
        @WithDefault("100ms")
        Duration backoff();

        /** Transient errors in a row after which a channel's circuit opens: new payments are offered other channels. */
        @WithDefault("5")
        int failuresToOpen();

        /** How long an open circuit stays open before one trial call is let through. */
        @WithDefault("30s")
        Duration openFor();

        /** When a new pending payment is first asked about at its channel (notifications usually come first). */
        @WithDefault("15s")
        Duration firstCheck();

        /** How often pending payments and refunds due are looked at. */
        @WithDefault("2s")
        Duration checkInterval();
    }

    /** cart-order, asked about an order whose OrderAwaitingPayment has not reached pay yet. */
    interface CartOrder {
        /** Where cart-order listens; its API is under /api/cart-order. */
        URI url();

        /** How long a shopper's payment waits for cart-order's answer before being told to retry. */
        @WithDefault("2s")
        Duration timeout();
    }
}
