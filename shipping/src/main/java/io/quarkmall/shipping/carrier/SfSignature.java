package io.quarkmall.shipping.carrier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SF-Express-like carrier's signature: Base64 of HMAC-SHA256 under the partner key, over
 * {@code timestamp + "\n" + requestId + "\n" + body} for our calls and {@code timestamp + "\n" + nonce + "\n" + body}
 * for its pushes.
 */
final class SfSignature {

    private SfSignature() {
    }

    static String sign(String key, String timestamp, String idOrNonce, String body) {
        return Base64.getEncoder().encodeToString(hmac(key, timestamp + "\n" + idOrNonce + "\n" + body));
    }

    /** Over the body's bytes as they came, compared in constant time; a signature that is not Base64 does not verify. */
    static boolean verifies(String key, String timestamp, String nonce, byte[] body, String signature) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(key, (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8), body), given);
    }

    private static byte[] hmac(String key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    private static byte[] hmac(String key, byte[] head, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(head);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
