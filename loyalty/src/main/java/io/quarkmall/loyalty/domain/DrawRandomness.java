package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a lottery's luck comes from: one secret seed per campaign, committed to by its SHA-256
 * hash when the campaign is created and revealed when it ends (commit–reveal). Every draw is a
 * function of the seed and public facts about the draw, so anyone holding the revealed seed can
 * recompute it, and the server could not have changed the seed after publishing its hash.
 *
 * <ul>
 *   <li>commitment = hex(SHA-256(seed));</li>
 *   <li>participant (the shopper's pseudonym in the proof) = hex of the first 16 bytes of
 *       HMAC-SHA256(seed, "participant:" + shopperId);</li>
 *   <li>roll = HMAC-SHA256(seed, "campaignId:sequence:participant") read as an unsigned 256-bit
 *       number, mapped to [0, range) without modulo bias: a block at or above the largest multiple
 *       of range is rejected and the next block is HMAC-SHA256(seed, "campaignId:sequence:participant:n"),
 *       n = 1, 2, ... (with ranges below 2^40 a rejection has a chance under 2^-216).</li>
 * </ul>
 */
public final class DrawRandomness {

    public static final int SEED_BYTES = 32;
    private static final int PARTICIPANT_BYTES = 16;
    private static final BigInteger BLOCK_VALUES = BigInteger.ONE.shiftLeft(256);
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private DrawRandomness() {
    }

    /** A new secret seed of 32 bytes from the platform's SecureRandom. */
    public static byte[] newSeed() {
        byte[] seed = new byte[SEED_BYTES];
        RANDOM.nextBytes(seed);
        return seed;
    }

    /** What is published from the start: hex(SHA-256(seed)). */
    public static String commitmentOf(byte[] seed) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(seed));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The shopper as the proof names them: only someone who knows both the seed and the shopper id can link the two. */
    public static String participantOf(byte[] seed, String shopperId) {
        return HEX.formatHex(Arrays.copyOf(hmac(seed, "participant:" + shopperId), PARTICIPANT_BYTES));
    }

    /** The roll of one draw, uniform in [0, range). */
    public static long roll(byte[] seed, long campaignId, long sequence, String participant, long range) {
        String message = campaignId + ":" + sequence + ":" + participant;
        for (long attempt = 0; ; attempt++) {
            byte[] block = hmac(seed, attempt == 0 ? message : message + ":" + attempt);
            OptionalLong roll = unbiased(block, range);
            if (roll.isPresent()) {
                return roll.getAsLong();
            }
        }
    }

    /**
     * The block as a number in [0, range), or empty if it falls in the top, incomplete stretch of
     * 2^256 that would make low numbers likelier than high ones.
     */
    public static OptionalLong unbiased(byte[] block, long range) {
        if (range <= 0) {
            throw new RuleViolation("empty-range", "A roll needs a positive range, not " + range);
        }
        BigInteger bound = BigInteger.valueOf(range);
        BigInteger value = new BigInteger(1, block);
        BigInteger limit = BLOCK_VALUES.subtract(BLOCK_VALUES.mod(bound));
        return value.compareTo(limit) < 0 ? OptionalLong.of(value.mod(bound).longValueExact()) : OptionalLong.empty();
    }

    private static byte[] hmac(byte[] seed, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("HMAC-SHA256 is part of every Java platform", e);
        }
    }
}
