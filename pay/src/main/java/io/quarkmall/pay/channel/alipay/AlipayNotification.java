package io.quarkmall.pay.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.channel.PaymentChannel.ChannelState;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Alipay's asynchronous notification (a form POST, {@code trade_status_sync}): its RSA2 signature checked
 * with Alipay's public key by the SDK's {@code AlipaySignature.rsaCheckV1}, then read as a channel state.
 * A notification for another app id, or with a field the state needs missing, is refused like a forged one.
 */
final class AlipayNotification {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AlipayNotification() {
    }

    static ChannelState verify(String body, AlipayMerchant merchant) {
        Map<String, String> params = form(body);
        boolean signed;
        try {
            // rsaCheckV1 removes sign and sign_type from the map it is given: it gets a copy.
            signed = params.containsKey("sign")
                    && AlipaySignature.rsaCheckV1(new HashMap<>(params), merchant.alipayPublicKey(), "UTF-8", "RSA2");
        } catch (AlipayApiException | RuntimeException e) {
            throw new InvalidNotification("The Alipay notification's signature could not be checked", e);
        }
        if (!signed) {
            throw new InvalidNotification("The Alipay notification's signature does not verify");
        }
        if (!merchant.appId().equals(params.get("app_id"))) {
            throw new InvalidNotification("The Alipay notification is for another app");
        }
        return stateOf(params);
    }

    private static ChannelState stateOf(Map<String, String> params) {
        String reference = required(params, "out_trade_no");
        String status = required(params, "trade_status");
        try {
            return switch (status) {
                case "TRADE_SUCCESS", "TRADE_FINISHED" -> paid(params, reference);
                // Closed after a full refund, the trade was still paid: the refund is told apart.
                case "TRADE_CLOSED" -> params.containsKey("gmt_payment") ? paid(params, reference)
                        : new ChannelState.Closed(reference);
                case "WAIT_BUYER_PAY" -> new ChannelState.Pending(reference);
                default -> throw new InvalidNotification("Unknown trade_status in an Alipay notification: " + status);
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidNotification("The Alipay notification cannot be read", e);
        }
    }

    private static ChannelState.Paid paid(Map<String, String> params, String reference) {
        return new ChannelState.Paid(reference, required(params, "trade_no"), Yuan.parse(required(params, "total_amount")),
                params.get("buyer_id"), chinaTime(required(params, "gmt_payment")));
    }

    static Instant chinaTime(String text) {
        return LocalDateTime.parse(text, TIME).atZone(CHINA).toInstant();
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidNotification("The Alipay notification has no " + name);
        }
        return value;
    }

    /** An application/x-www-form-urlencoded body; a field sent twice makes it unreadable. */
    private static Map<String, String> form(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidNotification("The Alipay notification is empty");
        }
        Map<String, String> params = new HashMap<>();
        try {
            for (String pair : body.trim().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (params.put(name, value) != null) {
                    throw new InvalidNotification("The Alipay notification sends " + name + " twice");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidNotification("The Alipay notification is not a form", e);
        }
        return params;
    }
}
