package io.quarkmall.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which master keys a service gets: production never without a provider, never a generated store. */
class MasterKeysProducerTest {

    @TempDir
    Path dir;

    private static CryptoConfig config(String provider, String localKeys, Path file, boolean generate, String kmsKeys) {
        return new CryptoConfig() {
            public Optional<String> provider() { return Optional.ofNullable(provider); }
            public Local local() {
                return new Local() {
                    public Optional<String> keys() { return Optional.ofNullable(localKeys); }
                    public Optional<Path> file() { return Optional.ofNullable(file); }
                    public boolean generate() { return generate; }
                };
            }
            public Kms kms() {
                return new Kms() {
                    public Optional<String> keys() { return Optional.ofNullable(kmsKeys); }
                    public Optional<String> region() { return Optional.of("eu-west-1"); }
                    public Optional<URI> endpoint() { return Optional.empty(); }
                };
            }
            public String dataKeyTable() { return "data_key"; }
            public Duration dataKeyTtl() { return Duration.ofSeconds(60); }
            public Duration rewrapInterval() { return Duration.ofSeconds(5); }
            public int rewrapBatchSize() { return 200; }
        };
    }

    @Test
    void production_without_a_provider_or_with_an_unknown_one_refuses_to_start() {
        var e = assertThrows(IllegalStateException.class, () -> MasterKeysProducer.create(config(null, null, null, false, null), List.of("prod")));
        assertTrue(e.getMessage().contains("quarkmall.crypto.provider"));
        assertThrows(IllegalStateException.class, () -> MasterKeysProducer.create(config("vault", null, null, false, null), List.of("prod")));
        assertThrows(IllegalStateException.class, () -> MasterKeysProducer.create(config("kms", null, null, false, null), List.of("prod")));
    }

    @Test
    void production_never_generates_a_local_key_store_but_dev_and_test_do() {
        Path file = dir.resolve("pay-master-keys");
        assertThrows(IllegalStateException.class, () -> MasterKeysProducer.create(config("local", null, file, true, null), List.of("prod")));
        assertFalse(Files.exists(file));
        assertThrows(IllegalStateException.class, () -> MasterKeysProducer.create(config("local", null, file, false, null), List.of("test")));
        assertEquals("local", MasterKeysProducer.create(config("local", null, file, true, null), List.of("test")).provider());
        assertTrue(Files.exists(file));
    }

    @Test
    void production_takes_local_keys_from_the_environment_and_kms_keys_by_id() {
        String keys = "1=" + Base64.getEncoder().encodeToString(Aead.newKey()) + ",2=" + Base64.getEncoder().encodeToString(Aead.newKey());
        assertEquals(2, MasterKeysProducer.create(config("local", keys, null, false, null), List.of("prod")).currentVersion());
        var kms = MasterKeysProducer.create(config("kms", null, null, false, "1=alias/quarkmall-production-pay"), List.of("prod"));
        assertEquals("kms", kms.provider());
        assertEquals(1, kms.currentVersion());
    }
}
