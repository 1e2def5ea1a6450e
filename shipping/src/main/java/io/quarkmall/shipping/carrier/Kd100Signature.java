package io.quarkmall.shipping.carrier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Kuaidi100-like aggregator's signatures: upper-case hex MD5 (its choice; we keep it for the integration's
 * shape), UTF-8. We sign a call's {@code param + t + key + secret}; it signs a push's {@code param + salt}.
 */
final class Kd100Signature {

    private Kd100Signature() {
    }

    static String apiCall(String param, String t, String key, String secret) {
        return md5(param + t + key + secret);
    }

    /** Compared in constant time, so that the answer's timing tells nothing about the right signature. */
    static boolean pushVerifies(String param, String salt, String sign) {
        return sign != null && MessageDigest.isEqual(md5(param + salt).getBytes(StandardCharsets.UTF_8),
                sign.getBytes(StandardCharsets.UTF_8));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().withUpperCase()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
