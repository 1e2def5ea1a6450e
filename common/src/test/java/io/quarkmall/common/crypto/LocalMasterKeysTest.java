package io.quarkmall.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local master keys: wrap under the current version, unwrap under each, only for the same context. */
class LocalMasterKeysTest {

    @TempDir
    Path dir;

    private static String entry(int version) {
        return version + "=" + Base64.getEncoder().encodeToString(Aead.newKey());
    }

    @Test
    void a_wrapped_key_unwraps_only_under_its_version_and_context() {
        var keys = LocalMasterKeys.of(entry(1) + "," + entry(2));
        assertEquals(2, keys.currentVersion());
        byte[] dataKey = Aead.newKey();
        byte[] wrapped = keys.wrap(1, dataKey, "data-key|shopper-1|1");
        assertArrayEquals(dataKey, keys.unwrap(1, wrapped, "data-key|shopper-1|1"));
        assertThrows(CiphertextRejected.class, () -> keys.unwrap(2, wrapped, "data-key|shopper-1|1"));
        assertThrows(CiphertextRejected.class, () -> keys.unwrap(1, wrapped, "data-key|shopper-2|1"));
        assertThrows(CiphertextRejected.class, () -> keys.unwrap(3, wrapped, "data-key|shopper-1|1"));
    }

    @Test
    void keys_from_configuration_are_fixed_and_malformed_entries_are_refused() {
        assertEquals(OptionalInt.empty(), LocalMasterKeys.of(entry(1)).addVersion());
        for (String bad : List.of("", "1=" + Base64.getEncoder().encodeToString(new byte[16]), "0=" + entry(1).substring(2),
                entry(1) + "," + entry(1), "nokey")) {
            assertThrows(IllegalArgumentException.class, () -> LocalMasterKeys.of(bad), bad);
        }
    }

    @Test
    void a_generated_store_is_created_once_owner_readable_and_grows_by_versions_that_survive_a_restart() throws Exception {
        Path file = dir.resolve("keys/pay-master-keys");
        var first = LocalMasterKeys.inFile(file);
        assertEquals(Set.of(1), first.versions());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] dataKey = Aead.newKey();
        byte[] wrapped = first.wrap(1, dataKey, "c");

        assertEquals(OptionalInt.of(2), first.addVersion());
        assertEquals(2, first.currentVersion());
        var restarted = LocalMasterKeys.inFile(file);
        assertEquals(Set.of(1, 2), restarted.versions());
        assertArrayEquals(dataKey, restarted.unwrap(1, wrapped, "c"));
        assertTrue(Files.readString(file).lines().allMatch(l -> l.matches("[12]=[A-Za-z0-9+/=]{44}")));
    }
}
