package io.quarkmall.common.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Envelope encryption's settings. Nothing is required unless a service encrypts fields; one that
 * does refuses to start without {@code quarkmall.crypto.provider}, which only the dev, test and
 * local profiles default (to a generated local key store).
 */
@ConfigMapping(prefix = "quarkmall.crypto")
public interface CryptoConfig {

    /** {@code local} or {@code kms}; no default in production. */
    Optional<String> provider();

    Local local();

    Kms kms();

    /** The service's table of data keys (common's README gives its migration). */
    @WithDefault("data_key")
    String dataKeyTable();

    /** How long an unwrapped data key is kept in memory: also how long an erasure takes to reach other replicas. */
    @WithDefault("60s")
    Duration dataKeyTtl();

    /** How often a service's job re-wraps data keys under an older master key version (pay's KeyManagement). */
    @WithDefault("5s")
    Duration rewrapInterval();

    /** Data keys re-wrapped under the current master key version per transaction. */
    @WithDefault("200")
    int rewrapBatchSize();

    interface Local {
        /** {@code version=base64(32 bytes)} entries ({@code QUARKMALL_MASTER_KEYS}); wins over the file. */
        Optional<String> keys();

        /** A key store file, generated at first use; only where {@link #generate()} allows it. */
        Optional<Path> file();

        /** Whether a missing file may be generated (dev, test, local): never in production. */
        @WithDefault("false")
        boolean generate();
    }

    interface Kms {
        /** {@code version=keyId} entries (key id, ARN or alias), the highest version current. */
        Optional<String> keys();

        Optional<String> region();

        /** Only for a KMS-compatible test server. */
        Optional<URI> endpoint();
    }
}
