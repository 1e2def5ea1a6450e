package io.quarkmall.pay.channel.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The card channel: the PSP that holds the cards and charges their tokens. */
@ConfigMapping(prefix = "quarkmall.pay.card")
public interface CardConfig {

    /** The PSP's merchant API (./mall stack up runs the sandbox PSP on :18280). */
    @WithDefault("http://127.0.0.1:18280")
    URI url();

    /** How long a call may take; a charge that takes longer is pending, resolved by query or webhook. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * The secret the PSP signs webhooks with: {@code CARD_PSP_WEBHOOK_SECRET} in production; in the
     * dev, local and test profiles the sandbox's own, from {@code .stack/card-psp.properties}.
     * Without it every webhook is refused.
     */
    Optional<String> webhookSecret();

    /** Where the PSP sends webhooks about a charge that settles late; none are asked for without it. */
    Optional<URI> notifyUrl();
}
