package io.quarkmall.stack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The carrier sandbox's signatures: Base64 (standard, padded) of HMAC-SHA256 under the partner key, key
 * and message UTF-8. The merchant signs {@code timestamp\nrequestId\nbody} of an API call, the carrier
 * {@code timestamp\nnonce\nbody} of a push.
 */
final class SandboxSfExpressSignature {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxSfExpressSignature() {
    }

    static String sign(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compared in constant time, so that the answer's timing tells nothing about the right signature. */
    static boolean verifies(String key, String message, String signature) {
        return signature != null && MessageDigest.isEqual(sign(key, message).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    static String apiCallMessage(String timestamp, String requestId, String body) {
        return timestamp + "\n" + requestId + "\n" + body;
    }

    static String pushMessage(String timestamp, String nonce, String body) {
        return timestamp + "\n" + nonce + "\n" + body;
    }

    /** 32 lowercase hex digits, fresh for every push attempt. */
    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
