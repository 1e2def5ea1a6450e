package io.quarkmall.common.localstack;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * What Dev Services would do, without Docker: in dev and test mode, make sure the local stack of
 * real servers (PostgreSQL, Redis, Kafka, OpenSearch, Keycloak) is running before the service
 * reads its configuration, starting it through {@code ./mall stack up} when it is not.
 *
 * <p>Contributes no configuration itself: the local stack's fixed ports are in the shared
 * {@code META-INF/microprofile-config.properties}. Off in every other profile, and when
 * {@code quarkmall.local-stack.autostart=false}.
 */
public class LocalStackAutostart implements ConfigSourceFactory {

    private static volatile boolean ensured;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!ensured && wanted(context)) {
            ensureRunning();
        }
        return List.of();
    }

    private static boolean wanted(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        if (!profiles.contains("dev") && !profiles.contains("test")) {
            return false;
        }
        ConfigValue autostart = context.getValue("quarkmall.local-stack.autostart");
        return autostart == null || autostart.getValue() == null || Boolean.parseBoolean(autostart.getValue());
    }

    private static synchronized void ensureRunning() {
        if (ensured) {
            return;
        }
        Path mall = findMallScript(Path.of(System.getProperty("user.dir")).toAbsolutePath());
        if (mall == null) {
            return; // not inside a Quarkmall checkout: nothing we could start
        }
        try {
            Process process = new ProcessBuilder("bash", mall.toString(), "stack", "up")
                    .directory(mall.getParent().toFile())
                    .inheritIO()
                    .start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("'./mall stack up' failed with exit code " + exit
                        + "; see .stack/logs/ in the repository");
            }
            ensured = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + mall, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the local stack", e);
        }
    }

    private static Path findMallScript(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("mall");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("stack"))) {
                return candidate;
            }
        }
        return null;
    }
}
