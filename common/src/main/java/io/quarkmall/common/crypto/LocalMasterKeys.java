package io.quarkmall.common.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Collections;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Master keys held by the service itself, as {@code version=base64(32 bytes)} entries separated by
 * commas or new lines: given in configuration ({@code QUARKMALL_MASTER_KEYS}), or kept in a
 * git-ignored file under {@code .stack/} that dev and test generate at first use. Only a file-backed
 * store adds versions ({@link #addVersion}); a store from configuration is fixed.
 */
public final class LocalMasterKeys implements MasterKeys {

    private final Path file;
    private volatile SortedMap<Integer, byte[]> keys;

    private LocalMasterKeys(SortedMap<Integer, byte[]> keys, Path file) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A local master key store needs at least one key version");
        }
        this.keys = Collections.unmodifiableSortedMap(keys);
        this.file = file;
    }

    /** A fixed store from configuration text ({@code 1=base64,2=base64}). */
    public static LocalMasterKeys of(String entries) {
        return new LocalMasterKeys(parse(entries), null);
    }

    /** The store kept in {@code file}, created with a first generated version if it does not exist. */
    public static synchronized LocalMasterKeys inFile(Path file) {
        try {
            if (!Files.exists(file)) {
                var first = new TreeMap<Integer, byte[]>();
                first.put(1, Aead.newKey());
                write(file, first);
            }
            return new LocalMasterKeys(parse(Files.readString(file)), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local master key store " + file, e);
        }
    }

    @Override
    public String provider() {
        return "local";
    }

    @Override
    public int currentVersion() {
        return keys.lastKey();
    }

    @Override
    public SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
    }

    @Override
    public byte[] wrap(int version, byte[] dataKey, String context) {
        return Aead.seal(key(version), dataKey, context(version, context));
    }

    @Override
    public byte[] unwrap(int version, byte[] wrapped, String context) {
        return Aead.open(key(version), wrapped, context(version, context));
    }

    @Override
    public synchronized OptionalInt addVersion() {
        if (file == null) {
            return OptionalInt.empty();
        }
        var next = new TreeMap<>(keys);
        int version = next.lastKey() + 1;
        next.put(version, Aead.newKey());
        try {
            write(file, next);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the local master key store " + file, e);
        }
        keys = Collections.unmodifiableSortedMap(next);
        return OptionalInt.of(version);
    }

    private byte[] key(int version) {
        byte[] key = keys.get(version);
        if (key == null) {
            throw new CiphertextRejected("No local master key of version " + version);
        }
        return key;
    }

    private static byte[] context(int version, String context) {
        return ("quarkmall-master-v" + version + "|" + context).getBytes(StandardCharsets.UTF_8);
    }

    static SortedMap<Integer, byte[]> parse(String entries) {
        var keys = new TreeMap<Integer, byte[]>();
        for (String entry : entries.split("[,\\s]+")) {
            if (entry.isBlank() || entry.startsWith("#")) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("A master key entry must read version=base64key");
            }
            int version = Integer.parseInt(entry.substring(0, eq));
            byte[] key = Base64.getDecoder().decode(entry.substring(eq + 1));
            if (version < 1 || key.length != Aead.KEY_BYTES || keys.put(version, key) != null) {
                throw new IllegalArgumentException("Master key version " + version
                        + " must be positive, unique and 32 bytes of base64");
            }
        }
        return keys;
    }

    /** Written whole to a temporary file and moved into place, readable by its owner only. */
    private static void write(Path file, SortedMap<Integer, byte[]> keys) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String text = keys.entrySet().stream()
                .map(e -> e.getKey() + "=" + Base64.getEncoder().encodeToString(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".master-keys", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the directory's permissions
        }
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
