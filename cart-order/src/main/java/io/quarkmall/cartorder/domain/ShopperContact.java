package io.quarkmall.cartorder.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * How to reach a shopper: their email address as their identity gives it (sealed under their data
 * key by the caller: personal data), the language they shop in, and whether they want email. Every
 * email carries a link with the contact's unsubscribe token, which turns email off without signing in.
 */
@Entity
@Table(name = "shopper_contact")
public class ShopperContact extends PanacheEntityBase {

    /** The languages messages are written in; any other shops in English. */
    public enum Language {
        ZH_CN("zh-CN"), EN("en");

        private final String tag;

        Language(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        public Locale locale() {
            return Locale.forLanguageTag(tag);
        }

        /** Chinese for any zh tag, else English. */
        public static Language of(String tag) {
            return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH_CN : EN;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String shopperId;
    private String sealedEmail;
    private String locale;
    private boolean emailEnabled;
    private String unsubscribeToken;
    private Instant updatedAt;

    protected ShopperContact() {
    }

    private ShopperContact(String shopperId, Language language, Instant now) {
        this.shopperId = shopperId;
        this.locale = language.tag();
        this.emailEnabled = true;
        this.unsubscribeToken = HexFormat.of().formatHex(token());
        this.updatedAt = now;
    }

    private static byte[] token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static Optional<ShopperContact> of(String shopperId) {
        return findByIdOptional(shopperId);
    }

    /** The shopper's contact, made (email on, in {@code language}) if they have none yet. */
    public static ShopperContact ofOrNew(String shopperId, Language language, Instant now) {
        return ShopperContact.<ShopperContact>findByIdOptional(shopperId).orElseGet(() -> {
            var contact = new ShopperContact(shopperId, language, now);
            contact.persist();
            return contact;
        });
    }

    /** The contact as the database has it now (read again, past what this transaction had cached). */
    public static Optional<ShopperContact> reread(String shopperId) {
        var em = getEntityManager();
        return findByIdOptional(shopperId).map(contact -> {
            em.refresh(contact);
            return (ShopperContact) contact;
        });
    }

    public static Optional<ShopperContact> byUnsubscribeToken(String token) {
        return find("unsubscribeToken", token).firstResultOptional();
    }

    public static long deleteOf(String shopperId) {
        return delete("shopperId", shopperId);
    }

    public String shopperId() {
        return shopperId;
    }

    public Optional<String> sealedEmail() {
        return Optional.ofNullable(sealedEmail);
    }

    public void emailSealed(String sealed, Instant now) {
        this.sealedEmail = sealed;
        this.updatedAt = now;
    }

    public Language language() {
        return Language.of(locale);
    }

    public void speaks(Language language, Instant now) {
        this.locale = language.tag();
        this.updatedAt = now;
    }

    public boolean emailEnabled() {
        return emailEnabled;
    }

    public void emailEnabled(boolean enabled, Instant now) {
        this.emailEnabled = enabled;
        this.updatedAt = now;
    }

    public String unsubscribeToken() {
        return unsubscribeToken;
    }
}
