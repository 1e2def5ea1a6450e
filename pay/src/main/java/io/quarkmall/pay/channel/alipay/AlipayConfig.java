package io.quarkmall.pay.channel.alipay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The Alipay channel's settings. Production takes the merchant's keys from the environment (the Helm
 * Secret: {@code ALIPAY_APP_ID}, {@code ALIPAY_APP_PRIVATE_KEY}, {@code ALIPAY_PUBLIC_KEY},
 * {@code ALIPAY_GATEWAY_URL}); dev, local and test runs read them from the file the local stack's Alipay
 * sandbox writes at its start ({@link #sandboxMerchantFile()}), so no key is ever in the repository.
 * Without keys the channel is unavailable: every call throws ChannelUnavailable.
 */
@ConfigMapping(prefix = "quarkmall.pay.alipay")
public interface AlipayConfig {

    /** The OpenAPI gateway, e.g. https://openapi.alipay.com/gateway.do; the sandbox file's when absent. */
    Optional<URI> gatewayUrl();

    Optional<String> appId();

    /** The merchant's RSA2 app private key, PKCS#8 in Base64 (as Alipay's key tool writes it). */
    Optional<String> appPrivateKey();

    /** Alipay's public key, X.509 in Base64, which signs its answers and notifications. */
    Optional<String> alipayPublicKey();

    /**
     * A properties file with {@code gateway-url}, {@code app-id}, {@code app-private-key} and
     * {@code alipay-public-key}, read at the first call: the local stack's sandbox writes one. Settings
     * given directly win over it.
     */
    Optional<Path> sandboxMerchantFile();

    /** Where Alipay sends its asynchronous notifications (pay's notification endpoint). */
    Optional<String> notifyUrl();

    @WithDefault("3s")
    Duration connectTimeout();

    /** How long one call may take before it counts as unanswered (ChannelUnavailable). */
    @WithDefault("10s")
    Duration readTimeout();

    /** How long a shopper has to pay a trade before Alipay closes it (Alipay's timeout_express). */
    @WithDefault("15m")
    Duration payWithin();
}
