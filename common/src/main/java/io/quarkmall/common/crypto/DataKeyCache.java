package io.quarkmall.common.crypto;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unwrapped data keys by subject and generation for a short time, so a busy subject costs one
 * unwrap (one KMS call) per TTL, not one per field. Bounded: past {@link #MAX_ENTRIES} the expired
 * entries go, and if that is not enough, all of them.
 */
final class DataKeyCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] key, long expiresAtNanos) {
    }

    private record Id(String subject, int generation) {
    }

    private final Map<Id, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Integer> newestGeneration = new ConcurrentHashMap<>();
    private final long ttlNanos;

    DataKeyCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<byte[]> get(String subject, int generation) {
        Entry entry = entries.get(new Id(subject, generation));
        if (entry == null || entry.expiresAtNanos() - System.nanoTime() < 0) {
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    /** The newest generation seen for the subject, while its key is cached. */
    Optional<Integer> newest(String subject) {
        Integer generation = newestGeneration.get(subject);
        return generation != null && get(subject, generation).isPresent() ? Optional.of(generation) : Optional.empty();
    }

    void put(String subject, int generation, byte[] key, boolean newest) {
        if (entries.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> e.expiresAtNanos() - now < 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
                newestGeneration.clear();
            }
        }
        entries.put(new Id(subject, generation), new Entry(key, System.nanoTime() + ttlNanos));
        if (newest) {
            newestGeneration.merge(subject, generation, Math::max);
        }
    }

    void forget(String subject) {
        entries.keySet().removeIf(id -> id.subject().equals(subject));
        newestGeneration.remove(subject);
    }
}
