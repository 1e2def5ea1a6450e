package io.quarkmall.stack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The aggregator sandbox's signatures, as Kuaidi100 makes them: upper-case hex MD5, UTF-8. The merchant signs
 * an API call's {@code param + t + key + secret}; the aggregator signs a push's {@code param + salt}, the salt
 * the merchant chose when it subscribed. MD5 is the aggregator's choice, kept for the integration's shape.
 */
final class SandboxKuaidi100Signature {

    private SandboxKuaidi100Signature() {
    }

    static String apiCall(String param, String t, String key, String secret) {
        return md5(param + t + key + secret);
    }

    static String push(String param, String salt) {
        return md5(param + salt);
    }

    /** Compared in constant time, so that the answer's timing tells nothing about the right signature. */
    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
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
