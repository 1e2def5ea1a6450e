package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sale token a shopper needs to buy in a flash sale: {@code saleId.expiresAtMillis.signature},
 * an HMAC-SHA256 over the sale, the shopper and the expiry, so it is good for one shopper in one
 * sale until the sale ends, and no one without the secret can make one. Pure: no clock of its own.
 */
public final class SaleTokens {

    private static final String ALGORITHM = "HmacSHA256";
    /** 256 bits: a shorter secret could be guessed from tokens. */
    public static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec key;

    public SaleTokens(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new RuleViolation("sale-token-secret-too-short", "The sale token secret needs at least "
                    + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** A token for this shopper in this sale, good until {@code expiresAt}. */
    public String issue(long saleId, String shopperId, Instant expiresAt) {
        long expires = expiresAt.toEpochMilli();
        return saleId + "." + expires + "." + signature(saleId, shopperId, expires);
    }

    /** Whether {@code token} was issued by us for this shopper in this sale and is still good at {@code now}. */
    public boolean valid(String token, long saleId, String shopperId, Instant now) {
        if (token == null || token.length() > 200) {
            return false;
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].equals(Long.toString(saleId))) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (now.toEpochMilli() >= expires) {
            return false;
        }
        byte[] expected = signature(saleId, shopperId, expires).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(long saleId, String shopperId, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signed = mac.doFinal((saleId + "\n" + shopperId + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new RuleViolation("sale-token-unsigned", "HMAC-SHA256 is not available: " + e.getMessage());
        }
    }
}
