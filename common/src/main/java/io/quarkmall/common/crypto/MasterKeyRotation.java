package io.quarkmall.common.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Moves data keys to the current master key version without downtime: a new version is current for
 * new wraps at once, and {@link #rewrapBatch()} re-wraps older keys a batch per transaction
 * (replicas share the work with {@code SKIP LOCKED}). Readers unwrap under either version meanwhile,
 * and a data key's material never changes, so no sealed value is touched.
 */
@ApplicationScoped
public class MasterKeyRotation {

    /** Data keys wrapped under one master key version. */
    public record VersionUse(int version, boolean current, long dataKeys) {
    }

    /** The provider, its versions with the live data keys each wraps, keys still to re-wrap, keys destroyed. */
    public record KeyStatus(String provider, int currentVersion, List<VersionUse> versions, long awaitingRewrap,
                            long destroyedDataKeys) {
    }

    private final DataKeys dataKeys;
    private final MasterKeys masterKeys;
    private final CryptoConfig config;

    MasterKeyRotation(DataKeys dataKeys, MasterKeys masterKeys, CryptoConfig config) {
        this.dataKeys = dataKeys;
        this.masterKeys = masterKeys;
        this.config = config;
    }

    /** A new master key version, current from now on; empty where versions come from configuration. */
    public OptionalInt addMasterVersion() {
        return masterKeys.addVersion();
    }

    /** Re-wraps up to one batch of data keys under the current version, in a transaction of its own; how many. */
    public int rewrapBatch() {
        int current = masterKeys.currentVersion();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<DataKeys.Stored> batch = dataKeys.lockWrappedUnderOtherThan(current, config.rewrapBatchSize());
            for (DataKeys.Stored key : batch) {
                String context = FieldCipher.wrapContext(key.subject(), key.generation());
                byte[] plain = masterKeys.unwrap(key.masterVersion(), key.wrapped().orElseThrow(), context);
                dataKeys.rewrapped(key, current, masterKeys.wrap(current, plain, context));
            }
            return batch.size();
        });
    }

    /** Re-wraps batches until none is left; how many keys in all. */
    public long rewrapAll() {
        long total = 0;
        for (int done = rewrapBatch(); done > 0; done = rewrapBatch()) {
            total += done;
        }
        return total;
    }

    public KeyStatus status() {
        int current = masterKeys.currentVersion();
        Map<Integer, Long> counts = dataKeys.countByMasterVersion();
        var versions = new ArrayList<VersionUse>();
        for (int version : masterKeys.versions()) {
            versions.add(new VersionUse(version, version == current, counts.getOrDefault(version, 0L)));
        }
        long live = counts.entrySet().stream().filter(e -> e.getKey() != 0).mapToLong(Map.Entry::getValue).sum();
        return new KeyStatus(masterKeys.provider(), current, versions, live - counts.getOrDefault(current, 0L),
                counts.getOrDefault(0, 0L));
    }
}
