package io.quarkmall.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacks a server distribution zip from the local Maven repository, once. */
final class Distributions {

    private Distributions() {
    }

    /**
     * Returns {@code into/topDirectory}, unpacking the zip when it is not there yet. Unpacks into a
     * temporary directory first so an interrupted unpack never looks complete.
     */
    static Path unpack(Path zip, Path into, String topDirectory) throws IOException {
        Path target = into.resolve(topDirectory);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path staging = Files.createTempDirectory(into, topDirectory + ".unpacking-");
        try (var file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("Zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (var in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (out.getParent().getFileName().toString().equals("bin")) {
                    out.toFile().setExecutable(true, false);
                }
            }
        }
        Files.move(staging.resolve(topDirectory), target);
        deleteTree(staging);
        return target;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
