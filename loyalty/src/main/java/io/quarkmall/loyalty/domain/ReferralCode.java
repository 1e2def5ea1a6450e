package io.quarkmall.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** The code a shopper gives friends: one per shopper, made the first time it is asked for. */
@Entity
public class ReferralCode extends PanacheEntityBase {

    /** No 0/O or 1/I, which people misread when they type a code from a screen. */
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String shopperId;
    private String code;
    private Instant createdAt;

    protected ReferralCode() {
    }

    /**
     * The shopper's code, made now if they have none. Two first asks at once make one code: the
     * second insert waits for the first and then inserts nothing. A new code that happens to be
     * taken is drawn again.
     */
    public static ReferralCode of(String shopperId, Instant now) {
        while (true) {
            Optional<ReferralCode> existing = findByIdOptional(shopperId);
            if (existing.isPresent()) {
                return existing.get();
            }
            getEntityManager().createNativeQuery("""
                            INSERT INTO referral_code (shopper_id, code, created_at) VALUES (?1, ?2, ?3)
                            ON CONFLICT DO NOTHING""")
                    .setParameter(1, shopperId).setParameter(2, newCode()).setParameter(3, now).executeUpdate();
        }
    }

    public static Optional<ReferralCode> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    private static String newCode() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public String shopperId() {
        return shopperId;
    }

    public String code() {
        return code;
    }
}
