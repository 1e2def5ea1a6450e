package io.quarkmall.pay.service;

import io.quarkmall.common.crypto.FieldCipher;
import io.quarkmall.common.crypto.MasterKeyRotation;
import io.quarkmall.common.crypto.MasterKeyRotation.KeyStatus;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * pay's keys for sensitive data: erasing a shopper's pay data by destroying the shopper's data keys,
 * rotating the master key (a new version current at once, data keys re-wrapped under it by a job,
 * a batch at a time) and rotating one shopper's data key.
 */
@ApplicationScoped
public class KeyManagement {

    private static final Logger LOG = Logger.getLogger(KeyManagement.class);

    private final FieldCipher cipher;
    private final MasterKeyRotation rotation;

    KeyManagement(FieldCipher cipher, MasterKeyRotation rotation) {
        this.cipher = cipher;
        this.rotation = rotation;
    }

    /** Refuses to start without a master key provider it can use (none is configured in production by default). */
    void requireMasterKeys(@Observes StartupEvent started) {
        KeyStatus status = rotation.status();
        LOG.infof("Sensitive data sealed under master keys from %s, version %d current", status.provider(),
                status.currentVersion());
    }

    /**
     * Destroys the shopper's data keys: every pay value sealed for the shopper opens as erased from
     * now on. Idempotent: erasing an erased shopper (or one pay never sealed anything for) does nothing.
     */
    @Transactional
    public int eraseShopper(String shopperId) {
        return cipher.erase(shopperId);
    }

    /**
     * Makes a new master key version current and re-wraps a first batch of data keys under it; the
     * scheduled job does the rest. Refused (409) where versions come from configuration (AWS KMS
     * key ids, or QUARKMALL_MASTER_KEYS): add a version there and restart.
     */
    public KeyStatus rotateMasterKey() {
        int added = rotation.addMasterVersion().orElseThrow(() -> new RuleViolation("master-key-versions-configured",
                "This deployment's master key versions come from its configuration (" + rotation.status().provider()
                        + "): add a version there and restart; data keys are then re-wrapped under it by themselves."));
        LOG.infof("Master key version %d is current; re-wrapping data keys under it", added);
        rotation.rewrapBatch();
        return rotation.status();
    }

    public KeyStatus status() {
        return rotation.status();
    }

    /** A new data key generation for the shopper's new values; older values open until resealed. */
    public int rotateShopperKey(String shopperId) {
        return cipher.rotateDataKey(shopperId);
    }

    @Scheduled(every = "${quarkmall.crypto.rewrap-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rewrapDue() {
        int done = rotation.rewrapBatch();
        if (done > 0) {
            LOG.infof("Re-wrapped %d data keys under master key version %d", done, rotation.status().currentVersion());
        }
    }
}
