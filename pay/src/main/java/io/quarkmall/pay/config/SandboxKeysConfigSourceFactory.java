package io.quarkmall.pay.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In the dev, local and test profiles, the keys that the local stack's sandboxes make at run time
 * and write for pay under the git-ignored {@code .stack/} of the checkout: today the card PSP's
 * webhook secret ({@code .stack/card-psp.properties}). Production reads the same settings from the
 * environment (a Kubernetes Secret); no key is in a committed file.
 *
 * <p>A file is read when a setting is first asked for, not when the configuration is built, so that
 * a stack the service starts itself (common's LocalStackAutostart, another factory of the same build)
 * has written it by then.
 */
public class SandboxKeysConfigSourceFactory implements ConfigSourceFactory {

    static final List<String> FILES = List.of("card-psp.properties");
    /** Above application.properties (250), below the environment (300) and system properties (400). */
    static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getProfiles().stream().noneMatch(List.of("dev", "test", "local")::contains)) {
            return List.of();
        }
        Path stack = stackOf(Path.of(System.getProperty("user.dir")).toAbsolutePath());
        return stack == null ? List.of() : List.of(new SandboxKeys(stack));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The checkout's {@code .stack/}: beside the {@code mall} script, in this directory or one above. */
    private static Path stackOf(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mall")) && Files.isDirectory(dir.resolve("stack"))) {
                return dir.resolve(".stack");
            }
        }
        return null;
    }

    /** The sandboxes' files, each read once it exists. */
    static final class SandboxKeys implements ConfigSource {

        private final Path stack;
        private final Map<String, Properties> read = new ConcurrentHashMap<>();

        SandboxKeys(Path stack) {
            this.stack = stack;
        }

        @Override
        public Set<String> getPropertyNames() {
            var names = new java.util.HashSet<String>();
            FILES.forEach(file -> names.addAll(keys(file).stringPropertyNames()));
            return names;
        }

        @Override
        public String getValue(String name) {
            for (String file : FILES) {
                String value = keys(file).getProperty(name);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        private Properties keys(String file) {
            Properties known = read.get(file);
            if (known != null) {
                return known;
            }
            Path path = stack.resolve(file);
            if (!Files.isRegularFile(path)) {
                return new Properties();
            }
            var properties = new Properties();
            try (Reader reader = Files.newBufferedReader(path)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
            read.put(file, properties);
            return properties;
        }

        @Override
        public String getName() {
            return "keys of the local stack's sandboxes (" + stack + ")";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }
}
