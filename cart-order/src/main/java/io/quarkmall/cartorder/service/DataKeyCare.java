package io.quarkmall.cartorder.service;

import io.quarkmall.common.crypto.MasterKeyRotation;
import io.quarkmall.common.crypto.MasterKeyRotation.KeyStatus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The master keys that wrap shoppers' data keys, as pay keeps them: cart-order does not start without
 * a provider it can use, and after a master key version is added (in configuration) its data keys
 * are re-wrapped under it, a batch at a time.
 */
@ApplicationScoped
public class DataKeyCare {

    private static final Logger LOG = Logger.getLogger(DataKeyCare.class);

    private final MasterKeyRotation rotation;

    DataKeyCare(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    void requireMasterKeys(@Observes StartupEvent started) {
        KeyStatus status = rotation.status();
        LOG.infof("Addresses sealed under master keys from %s, version %d current", status.provider(),
                status.currentVersion());
    }

    @Scheduled(every = "${quarkmall.crypto.rewrap-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rewrapDue() {
        int done = rotation.rewrapBatch();
        if (done > 0) {
            LOG.infof("Re-wrapped %d data keys under master key version %d", done, rotation.status().currentVersion());
        }
    }
}
