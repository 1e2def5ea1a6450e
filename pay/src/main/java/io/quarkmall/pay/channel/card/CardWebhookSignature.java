package io.quarkmall.pay.channel.card;

import io.quarkmall.pay.channel.InvalidNotification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The PSP's webhook signature: {@code Quarkmall-PSP-Signature: t=<unix seconds>,v1=<hex>}, where
 * the hex is HMAC-SHA256 over {@code "<t>.<body>"} keyed with the webhook secret. A signature that
 * does not match, or a timestamp more than {@link #TOLERANCE} from now (a replayed old webhook),
 * is refused.
 */
final class CardWebhookSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private CardWebhookSignature() {
    }

    static String sign(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp + "." + body));
    }

    /** @throws InvalidNotification unless {@code header} signs {@code body} with {@code secret}, recently */
    static void verify(String secret, String header, String body, Instant now) {
        if (header == null || header.isBlank()) {
            throw new InvalidNotification("card webhook without a signature");
        }
        Long timestamp = null;
        var signatures = new java.util.ArrayList<byte[]>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("[0-9]{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1") && pair[1].matches("[0-9a-f]{64}")) {
                signatures.add(HexFormat.of().parseHex(pair[1]));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new InvalidNotification("card webhook signature header is not t=...,v1=...");
        }
        byte[] expected = hmac(secret, timestamp + "." + body);
        if (signatures.stream().noneMatch(signature -> MessageDigest.isEqual(expected, signature))) {
            throw new InvalidNotification("card webhook signature does not match");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
            throw new InvalidNotification("card webhook timestamp is more than " + TOLERANCE.toMinutes()
                    + " minutes from now");
        }
    }

    private static byte[] hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
