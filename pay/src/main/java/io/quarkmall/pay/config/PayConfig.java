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

    Sandbox sandbox();

    CartOrder cartOrder();

    /** The sandbox channel's gateway (./mall stack up starts one on :18280). */
    interface Sandbox {
        @WithDefault("http://127.0.0.1:18280")
        URI url();

        /** How long a charge may take before the payment counts as timed out (and is voided). */
        @WithDefault("5s")
        Duration timeout();
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
