package io.quarkmall.common.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;

/**
 * Envelope encryption of sensitive fields: each subject (a shopper) has its own AES-256 data key,
 * stored wrapped by a master key version in the service's own table; a field is sealed with
 * AES-256-GCM under the subject's newest data key, bound to subject, field and key generation.
 * Erasing a subject destroys its keys, after which its sealed values open as empty ("erased").
 */
@ApplicationScoped
public class FieldCipher {

    private final DataKeys dataKeys;
    private final MasterKeys masterKeys;
    private final DataKeyCache cache;
    private final TransactionSynchronizationRegistry transactions;

    FieldCipher(DataKeys dataKeys, MasterKeys masterKeys, CryptoConfig config, TransactionSynchronizationRegistry transactions) {
        this.dataKeys = dataKeys;
        this.masterKeys = masterKeys;
        this.cache = new DataKeyCache(config.dataKeyTtl());
        this.transactions = transactions;
    }

    /**
     * {@code plaintext} sealed for {@code subject} and {@code field} (name the column, e.g.
     * {@code payment.payer_id}): the text {@code qm1.<generation>.<base64url>}. A subject's first
     * value creates its data key (committed at once, in a transaction of its own).
     */
    public String encrypt(String subject, String field, String plaintext) {
        Optional<Integer> cached = cache.newest(subject);
        Optional<byte[]> cachedKey = cached.flatMap(generation -> cache.get(subject, generation));
        if (cachedKey.isPresent()) {
            return FieldSeal.seal(cachedKey.get(), cached.get(), subject, field, plaintext);
        }
        LiveKey live = newestLive(subject);
        return FieldSeal.seal(live.key(), live.generation(), subject, field, plaintext);
    }

    /**
     * The plaintext of a value {@link #encrypt} sealed for this subject and field; empty if the
     * subject's data key was destroyed (erased). Throws {@link CiphertextRejected} for a value
     * altered, or sealed for another subject (even one that never had a key), field or generation.
     */
    public Optional<String> decrypt(String subject, String field, String ciphertext) {
        int generation = FieldSeal.generationOf(ciphertext);
        Optional<byte[]> key = cache.get(subject, generation).or(() -> load(subject, generation));
        return key.map(k -> FieldSeal.open(k, subject, field, ciphertext));
    }

    /** The generation's key, unwrapped and cached; empty if destroyed; rejected if the subject never had it. */
    private Optional<byte[]> load(String subject, int generation) {
        DataKeys.Stored stored = dataKeys.find(subject, generation).orElseThrow(() -> new CiphertextRejected(
                "The subject has no data key of generation " + generation + ": the value was sealed for someone else"));
        return stored.wrapped().map(wrapped -> cacheUnwrapped(stored, false));
    }

    /** Whether the value is sealed under the subject's newest data key (else {@link #reencrypt} it). */
    public boolean isCurrent(String subject, String ciphertext) {
        int newest = cache.newest(subject).orElseGet(() -> dataKeys.newest(subject).map(DataKeys.Stored::generation).orElse(0));
        return FieldSeal.generationOf(ciphertext) == newest;
    }

    /** The value sealed again under the subject's newest data key; empty if the subject is erased. */
    public Optional<String> reencrypt(String subject, String field, String ciphertext) {
        if (isCurrent(subject, ciphertext)) {
            return decrypt(subject, field, ciphertext).map(plain -> ciphertext);
        }
        return decrypt(subject, field, ciphertext).map(plain -> encrypt(subject, field, plain));
    }

    /**
     * Gives the subject a new data key generation for new values; values under older generations
     * still open, until {@link #reencrypt} moves them. Returns the new generation.
     */
    public int rotateDataKey(String subject) {
        cache.forget(subject);
        return create(subject, dataKeys.newest(subject).map(DataKeys.Stored::generation).orElse(0) + 1).generation();
    }

    /**
     * Destroys every data key of the subject in the caller's transaction (crypto-shredding): from its
     * commit on, the subject's values open as empty here, and on other replicas once their cached
     * key expires (quarkmall.crypto.data-key-ttl). Returns how many keys were destroyed.
     */
    public int erase(String subject) {
        int destroyed = dataKeys.destroy(subject);
        cache.forget(subject);
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        cache.forget(subject);
                    }
                }
            });
        }
        return destroyed;
    }

    private record LiveKey(int generation, byte[] key) {
    }

    /** The subject's newest data key, made if it has none or its newest was destroyed. */
    private LiveKey newestLive(String subject) {
        Optional<DataKeys.Stored> newest = dataKeys.newest(subject);
        if (newest.isPresent() && newest.get().wrapped().isPresent()) {
            return new LiveKey(newest.get().generation(), cacheUnwrapped(newest.get(), true));
        }
        return create(subject, newest.map(DataKeys.Stored::generation).orElse(0) + 1);
    }

    /** Stores a new wrapped key of that generation (or finds the one a racing writer stored), cached. */
    private LiveKey create(String subject, int generation) {
        int version = masterKeys.currentVersion();
        byte[] wrapped = masterKeys.wrap(version, Aead.newKey(), wrapContext(subject, generation));
        DataKeys.Stored stored = dataKeys.addGeneration(subject, generation, version, wrapped);
        if (stored.wrapped().isEmpty()) {
            throw new IllegalStateException("Data key generation " + generation + " was destroyed as it was made");
        }
        return new LiveKey(generation, cacheUnwrapped(stored, true));
    }

    private byte[] cacheUnwrapped(DataKeys.Stored stored, boolean newest) {
        byte[] key = masterKeys.unwrap(stored.masterVersion(), stored.wrapped().orElseThrow(),
                wrapContext(stored.subject(), stored.generation()));
        cache.put(stored.subject(), stored.generation(), key, newest);
        return key;
    }

    static String wrapContext(String subject, int generation) {
        return "data-key|" + subject.length() + ":" + subject + "|" + generation;
    }
}
