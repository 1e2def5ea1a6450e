package io.quarkmall.common.crypto;

import java.util.OptionalInt;
import java.util.SortedSet;

/**
 * The master keys that wrap a service's data keys, by version. A data key is wrapped under the
 * current version; every version stays able to unwrap, so data keys can be re-wrapped under a new
 * version in batches while readers go on. Two providers: {@link LocalMasterKeys} (dev, test, the
 * local stack) and {@link KmsMasterKeys} (production, AWS KMS).
 */
public interface MasterKeys {

    /** The provider's name as configured: {@code local} or {@code kms}. */
    String provider();

    /** The version new data keys are wrapped under: the highest. */
    int currentVersion();

    /** Every version this provider can unwrap with, lowest first. */
    SortedSet<Integer> versions();

    /**
     * The data key wrapped under {@code version}. {@code context} names what the key belongs to
     * (subject and generation): a wrapped key unwraps only with the same context.
     */
    byte[] wrap(int version, byte[] dataKey, String context);

    /** The data key {@link #wrap} wrapped; throws {@link CiphertextRejected} for anything else. */
    byte[] unwrap(int version, byte[] wrapped, String context);

    /**
     * Adds a version and makes it current, where this provider holds the key material itself (a
     * generated local key store). Empty where versions come from configuration (AWS KMS key ids, or
     * keys given in the environment): there an operator adds a version and restarts.
     */
    OptionalInt addVersion();
}
