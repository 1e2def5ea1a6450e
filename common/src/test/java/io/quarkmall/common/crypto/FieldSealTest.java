package io.quarkmall.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** A sealed field opens only with its key, for its subject, field and generation, untouched. */
class FieldSealTest {

    private final byte[] key = Aead.newKey();

    @Test
    void a_sealed_value_opens_to_its_plaintext_and_does_not_show_it() {
        String sealed = FieldSeal.seal(key, 3, "shopper-1", "payment.alipay_buyer_id", "2088102146225135");
        assertTrue(sealed.startsWith("qm1.3."));
        assertFalse(sealed.contains("2088102146225135"));
        assertEquals(3, FieldSeal.generationOf(sealed));
        assertEquals("2088102146225135", FieldSeal.open(key, "shopper-1", "payment.alipay_buyer_id", sealed));
        assertEquals("", FieldSeal.open(key, "s", "f", FieldSeal.seal(key, 1, "s", "f", "")));
        assertEquals("微信openid-ø", FieldSeal.open(key, "s", "f", FieldSeal.seal(key, 1, "s", "f", "微信openid-ø")));
    }

    @Test
    void every_altered_byte_of_nonce_ciphertext_or_tag_is_rejected() {
        String sealed = FieldSeal.seal(key, 1, "shopper-1", "f", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        String prefix = sealed.substring(0, sealed.lastIndexOf('.') + 1);
        byte[] body = Base64.getUrlDecoder().decode(sealed.substring(prefix.length()));
        for (int i = 0; i < body.length; i++) {
            byte[] altered = body.clone();
            altered[i] ^= 0x01;
            String tampered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThrows(CiphertextRejected.class, () -> FieldSeal.open(key, "shopper-1", "f", tampered), "byte " + i);
        }
        String truncated = sealed.substring(0, sealed.length() - 4);
        assertThrows(CiphertextRejected.class, () -> FieldSeal.open(key, "shopper-1", "f", truncated));
    }

    @Test
    void a_value_moved_to_another_subject_or_field_does_not_open() {
        String sealed = FieldSeal.seal(key, 1, "shopper-1", "payment.wechat_openid", "openid-1");
        assertThrows(CiphertextRejected.class, () -> FieldSeal.open(key, "shopper-2", "payment.wechat_openid", sealed));
        assertThrows(CiphertextRejected.class, () -> FieldSeal.open(key, "shopper-1", "payment.alipay_buyer_id", sealed));
        // Length-prefixed binding: moving a character between subject and field changes it.
        String shifted = FieldSeal.seal(key, 1, "ab", "c", "x");
        assertThrows(CiphertextRejected.class, () -> FieldSeal.open(key, "a", "bc", shifted));
    }

    @Test
    void a_value_relabelled_with_another_generation_or_opened_with_another_key_is_rejected() {
        String sealed = FieldSeal.seal(key, 1, "shopper-1", "f", "secret");
        String relabelled = "qm1.2." + sealed.substring("qm1.1.".length());
        assertThrows(CiphertextRejected.class, () -> FieldSeal.open(key, "shopper-1", "f", relabelled));
        assertThrows(CiphertextRejected.class, () -> FieldSeal.open(Aead.newKey(), "shopper-1", "f", sealed));
    }

    @Test
    void text_that_is_not_a_sealed_value_is_rejected_before_any_decryption() {
        for (String text : new String[] {"", "plain", "qm1.0.AAAA", "qm2.1." + "A".repeat(40), "qm1.1.short", "qm1.x." + "A".repeat(40)}) {
            assertThrows(CiphertextRejected.class, () -> FieldSeal.generationOf(text), text);
        }
        assertThrows(CiphertextRejected.class, () -> FieldSeal.generationOf(null));
    }

    @Test
    void ten_thousand_seals_of_one_plaintext_use_ten_thousand_different_nonces() {
        var nonces = new HashSet<String>();
        var sealedValues = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            String sealed = FieldSeal.seal(key, 1, "shopper-1", "f", "same plaintext");
            byte[] body = Base64.getUrlDecoder().decode(sealed.substring("qm1.1.".length()));
            nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(body, Aead.NONCE_BYTES)));
            sealedValues.add(sealed);
        }
        assertEquals(10_000, nonces.size());
        assertEquals(10_000, sealedValues.size());
        assertNotEquals(FieldSeal.seal(key, 1, "s", "f", "p"), FieldSeal.seal(key, 1, "s", "f", "p"));
    }
}
