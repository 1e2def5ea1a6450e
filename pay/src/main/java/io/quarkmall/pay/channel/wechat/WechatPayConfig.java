package io.quarkmall.pay.channel.wechat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The WeChat Pay merchant: its ids and keys (production: the {@code WECHATPAY_*} environment variables
 * from the Helm secret; dev, local and test: {@code .stack/wechatpay.properties}, written by the stack's
 * sandbox). Without all of them the channel answers {@code ChannelUnavailable} and starts nothing.
 */
@ConfigMapping(prefix = "quarkmall.pay.wechat")
public interface WechatPayConfig {

    /**
     * Where WeChat Pay's API is. The SDK always addresses https://api.mch.weixin.qq.com; a request to it
     * is sent to this scheme, host and port instead (the path stays, so the signature still holds).
     */
    @WithDefault("https://api.mch.weixin.qq.com")
    URI baseUrl();

    /** The merchant number (mchid). */
    Optional<String> mchid();

    /** The app id the merchant number is bound to. */
    Optional<String> appid();

    /** The merchant's API private key: PKCS#8, base64 or PEM. */
    Optional<String> privateKey();

    /** The serial number of the merchant's API certificate, naming the key pay signs with. */
    Optional<String> merchantSerialNumber();

    /** The APIv3 key (32 characters) that notifications' resources are encrypted with. */
    Optional<String> apiV3Key();

    /** WeChat Pay's platform public key (X.509, base64 or PEM), which answers and notifications are signed with. */
    Optional<String> platformPublicKey();

    /** Its id ({@code PUB_KEY_ID_…}), sent back by WeChat Pay as {@code Wechatpay-Serial}. */
    Optional<String> platformPublicKeyId();

    /** Where WeChat Pay posts notifications of paid trades. */
    @WithDefault("http://127.0.0.1:8080/api/pay/notifications/wechat")
    String notifyUrl();

    /** A notification signed longer ago than this is refused (replays). */
    @WithDefault("5m")
    Duration notificationMaxAge();

    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a call waits for WeChat Pay's answer before the channel counts as unavailable. */
    @WithDefault("5s")
    Duration readTimeout();
}
