package io.quarkmall.common.lock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL advisory locks held until the caller's transaction ends, for one writer per thing
 * that has no row of its own to lock (a shopper's holdings, an account's balance). Each lock lives
 * in a named {@link LockSpace}, so two uses with equal keys never block each other by accident.
 */
@ApplicationScoped
public class AdvisoryLocks {

    /** A family of locks, such as {@code points-account}: its name is part of every lock's key. */
    public record LockSpace(String name) {
        public LockSpace {
            if (name == null || name.isBlank() || name.indexOf(':') >= 0) {
                throw new IllegalArgumentException("A lock space needs a name without ':', not " + name);
            }
        }
    }

    private final EntityManager em;

    AdvisoryLocks(EntityManager em) {
        this.em = em;
    }

    /** Waits until no other transaction holds the lock of {@code key} in {@code space}, then holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(LockSpace space, String key) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, qualified(space, key)).getSingleResult();
    }

    /** Holds the lock if it is free and answers true; answers false at once if another transaction holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(LockSpace space, String key) {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, qualified(space, key)).getSingleResult());
    }

    private static String qualified(LockSpace space, String key) {
        return space.name() + ':' + key;
    }
}
