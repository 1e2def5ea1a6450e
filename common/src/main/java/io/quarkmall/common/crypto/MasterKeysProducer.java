package io.quarkmall.common.crypto;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The configured {@link MasterKeys}. A service that encrypts fields makes it at startup, so a
 * production service without a master key provider, or with one it cannot read, does not start.
 */
@ApplicationScoped
public class MasterKeysProducer {

    @Produces
    @ApplicationScoped
    MasterKeys masterKeys(CryptoConfig config) {
        return create(config, ConfigUtils.getProfiles());
    }

    static MasterKeys create(CryptoConfig config, List<String> profiles) {
        String provider = config.provider().orElseThrow(() -> new IllegalStateException(
                "No master key provider: set quarkmall.crypto.provider to kms (with quarkmall.crypto.kms.keys) "
                        + "or local (with QUARKMALL_MASTER_KEYS)"));
        return switch (provider) {
            case "kms" -> KmsMasterKeys.connect(config.kms().keys().orElseThrow(() -> new IllegalStateException(
                    "quarkmall.crypto.kms.keys names no KMS key (version=keyId)")), config.kms().region(), config.kms().endpoint());
            case "local" -> local(config.local(), profiles.contains("prod"));
            default -> throw new IllegalStateException("Unknown master key provider '" + provider + "': kms or local");
        };
    }

    private static MasterKeys local(CryptoConfig.Local local, boolean production) {
        if (local.keys().isPresent()) {
            return LocalMasterKeys.of(local.keys().get());
        }
        Path file = local.file().map(MasterKeysProducer::underCheckout).orElseThrow(() -> new IllegalStateException(
                "The local master key provider needs QUARKMALL_MASTER_KEYS or quarkmall.crypto.local.file"));
        if ((production || !local.generate()) && !Files.exists(file)) {
            throw new IllegalStateException("No local master key store at " + file + ", and none may be generated here");
        }
        return LocalMasterKeys.inFile(file);
    }

    /** A relative path is taken from the checkout's root (where {@code mall} is), whatever the working directory. */
    static Path underCheckout(Path file) {
        if (file.isAbsolute()) {
            return file;
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mall")) && Files.isDirectory(dir.resolve("stack"))) {
                return dir.resolve(file);
            }
        }
        return file.toAbsolutePath();
    }
}
