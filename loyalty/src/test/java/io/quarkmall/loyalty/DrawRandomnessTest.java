package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.loyalty.domain.DrawRandomness;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DrawRandomnessTest {

    private static final byte[] SEED = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void the_commitment_is_the_sha256_of_the_seed_in_hex() {
        assertEquals("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925",
                DrawRandomness.commitmentOf(new byte[32]));
        assertEquals("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd",
                DrawRandomness.commitmentOf(SEED));
    }

    @Test
    void new_seeds_are_32_secret_bytes_never_repeated() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            byte[] seed = DrawRandomness.newSeed();
            assertEquals(32, seed.length);
            assertTrue(seen.add(HexFormat.of().formatHex(seed)));
        }
    }

    @Test
    void a_roll_is_the_hmac_of_campaign_sequence_and_participant_reduced_to_the_range() throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SEED, "HmacSHA256"));
        BigInteger block = new BigInteger(1, mac.doFinal("7:42:abc".getBytes(StandardCharsets.UTF_8)));
        assertEquals(block.mod(BigInteger.valueOf(1_000)).longValueExact(), DrawRandomness.roll(SEED, 7, 42, "abc", 1_000));
        assertEquals(block.mod(BigInteger.valueOf(97)).longValueExact(), DrawRandomness.roll(SEED, 7, 42, "abc", 97));
    }

    @Test
    void the_same_draw_always_rolls_the_same_and_other_draws_roll_otherwise() {
        assertEquals(DrawRandomness.roll(SEED, 1, 5, "p", Long.MAX_VALUE), DrawRandomness.roll(SEED, 1, 5, "p", Long.MAX_VALUE));
        long roll = DrawRandomness.roll(SEED, 1, 5, "p", Long.MAX_VALUE);
        assertNotEquals(roll, DrawRandomness.roll(SEED, 1, 6, "p", Long.MAX_VALUE));
        assertNotEquals(roll, DrawRandomness.roll(SEED, 2, 5, "p", Long.MAX_VALUE));
        assertNotEquals(roll, DrawRandomness.roll(SEED, 1, 5, "q", Long.MAX_VALUE));
        byte[] otherSeed = SEED.clone();
        otherSeed[0] ^= 1;
        assertNotEquals(roll, DrawRandomness.roll(otherSeed, 1, 5, "p", Long.MAX_VALUE));
    }

    @Test
    void a_block_in_the_incomplete_top_stretch_of_2_to_the_256_is_rejected_not_folded_onto_low_numbers() {
        byte[] top = new byte[32];
        Arrays.fill(top, (byte) 0xFF);
        // 2^256 = 1 (mod 3): the single highest value would make 0 likelier than 1 and 2.
        assertEquals(OptionalLong.empty(), DrawRandomness.unbiased(top, 3));
        byte[] belowTop = top.clone();
        belowTop[31] = (byte) 0xFE;
        assertEquals(OptionalLong.of(new BigInteger(1, belowTop).mod(BigInteger.valueOf(3)).longValueExact()),
                DrawRandomness.unbiased(belowTop, 3));
        // a power of two divides 2^256: nothing is rejected
        assertEquals(OptionalLong.of(1), DrawRandomness.unbiased(top, 2));
    }

    @Test
    void rolls_spread_evenly_over_the_range() {
        int range = 6;
        int rolls = 60_000;
        int[] counts = new int[range];
        for (int sequence = 1; sequence <= rolls; sequence++) {
            counts[(int) DrawRandomness.roll(SEED, 1, sequence, "p", range)]++;
        }
        for (int count : counts) {
            assertTrue(Math.abs(count - rolls / range) < rolls / range / 20, Arrays.toString(counts));
        }
    }

    @Test
    void a_participant_is_a_pseudonym_of_the_shopper_under_the_seed() {
        String participant = DrawRandomness.participantOf(SEED, "shopper-1");
        assertEquals(32, participant.length());
        assertEquals(participant, DrawRandomness.participantOf(SEED, "shopper-1"));
        assertNotEquals(participant, DrawRandomness.participantOf(SEED, "shopper-2"));
        assertNotEquals(participant, DrawRandomness.participantOf(new byte[32], "shopper-1"));
        assertFalse(participant.contains("shopper"));
    }
}
