package io.quarkmall.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * KMS master keys against a stand-in for KMS that behaves like it where it matters here: a
 * ciphertext decrypts only under the key and encryption context it was encrypted with.
 */
class KmsMasterKeysTest {

    /** Encrypt/Decrypt with one local AES key per KMS key id, the key id and context bound in. */
    static final class FakeKms implements KmsClient {
        final Map<String, byte[]> keys = new TreeMap<>();
        final List<String> calls = new ArrayList<>();
        boolean down;

        byte[] keyOf(String keyId) {
            return keys.computeIfAbsent(keyId, id -> Aead.newKey());
        }

        static byte[] binding(String keyId, Map<String, String> context) {
            return (keyId + new TreeMap<>(context)).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public EncryptResponse encrypt(EncryptRequest request) {
            calls.add("Encrypt " + request.keyId() + " " + new TreeMap<>(request.encryptionContext()));
            if (down) {
                throw SdkClientException.create("connection refused");
            }
            byte[] blob = Aead.seal(keyOf(request.keyId()), request.plaintext().asByteArray(),
                    binding(request.keyId(), request.encryptionContext()));
            return EncryptResponse.builder().keyId(request.keyId()).ciphertextBlob(SdkBytes.fromByteArray(blob)).build();
        }

        @Override
        public DecryptResponse decrypt(DecryptRequest request) {
            calls.add("Decrypt " + request.keyId());
            try {
                byte[] plain = Aead.open(keyOf(request.keyId()), request.ciphertextBlob().asByteArray(),
                        binding(request.keyId(), request.encryptionContext()));
                return DecryptResponse.builder().plaintext(SdkBytes.fromByteArray(plain)).build();
            } catch (CiphertextRejected e) {
                throw InvalidCiphertextException.builder().message("invalid").build();
            }
        }

        @Override
        public String serviceName() {
            return "kms";
        }

        @Override
        public void close() {
        }
    }

    private final FakeKms kms = new FakeKms();
    private final KmsMasterKeys keys = new KmsMasterKeys(kms, KmsMasterKeys.parse("1=alias/quarkmall-pay,2=arn:aws:kms:eu-west-1:1:key/2"));

    @Test
    void data_keys_are_wrapped_by_the_versions_kms_key_and_unwrap_only_with_their_context() {
        assertEquals(2, keys.currentVersion());
        byte[] dataKey = Aead.newKey();
        byte[] wrapped = keys.wrap(1, dataKey, "data-key|10:shopper-1|1");
        assertTrue(kms.calls.get(0).startsWith("Encrypt alias/quarkmall-pay {quarkmall:binding="));
        assertFalse(kms.calls.get(0).contains("shopper-1"), "CloudTrail sees a digest, not the shopper");
        assertArrayEquals(dataKey, keys.unwrap(1, wrapped, "data-key|10:shopper-1|1"));
        assertThrows(CiphertextRejected.class, () -> keys.unwrap(1, wrapped, "data-key|10:shopper-2|1"));
        assertThrows(CiphertextRejected.class, () -> keys.unwrap(2, wrapped, "data-key|10:shopper-1|1"));
        assertThrows(CiphertextRejected.class, () -> keys.unwrap(3, wrapped, "data-key|10:shopper-1|1"));
    }

    @Test
    void kms_that_does_not_answer_is_reported_as_unavailable_and_versions_come_only_from_configuration() {
        kms.down = true;
        assertThrows(KeyServiceUnavailable.class, () -> keys.wrap(2, Aead.newKey(), "c"));
        assertEquals(OptionalInt.empty(), keys.addVersion());
        assertThrows(IllegalArgumentException.class, () -> KmsMasterKeys.parse("1=a,1=b"));
        assertThrows(IllegalArgumentException.class, () -> KmsMasterKeys.parse("alias/x"));
    }
}
