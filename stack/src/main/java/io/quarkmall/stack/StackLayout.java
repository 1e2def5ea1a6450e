package io.quarkmall.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the stack keeps things: everything under one git-ignored directory, {@code .stack/}. */
public record StackLayout(Path root, Properties artifacts) {

    public static StackLayout load(Path root) {
        var artifacts = new Properties();
        try (InputStream in = StackLayout.class.getResourceAsStream("/stack-artifacts.properties")) {
            artifacts.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StackLayout(root, artifacts);
    }

    public Path home() {
        return root.resolve(".stack");
    }

    public Path data(String server) {
        return directory(home().resolve("data").resolve(server));
    }

    public Path dist() {
        return directory(home().resolve("dist"));
    }

    public Path log(String server) {
        return directory(home().resolve("logs")).resolve(server + ".log");
    }

    public Path artifact(String key) {
        String path = artifacts.getProperty(key);
        if (path == null || path.startsWith("${")) {
            throw new IllegalStateException("The build did not record artifact " + key + "; rebuild the stack module");
        }
        return Path.of(path);
    }

    public String version(String key) {
        return artifacts.getProperty(key + ".version");
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
