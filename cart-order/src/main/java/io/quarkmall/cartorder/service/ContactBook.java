package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.domain.ShopperContact;
import io.quarkmall.cartorder.domain.ShopperContact.Language;
import io.quarkmall.cartorder.domain.ShopperMessage;
import io.quarkmall.common.crypto.FieldCipher;
import io.quarkmall.common.lock.AdvisoryLocks;
import io.quarkmall.common.lock.AdvisoryLocks.LockSpace;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Shoppers' contacts: the email address their identity gives (kept sealed under their data key, so
 * erasing the shopper makes it unreadable), the language they shop in, and whether they want email.
 * A contact is made the first time a shopper checks out or opens their notification settings.
 */
@ApplicationScoped
public class ContactBook {

    static final String EMAIL_FIELD = "shopper_contact.sealed_email";
    /** A shopper's contact is made and changed one change at a time. */
    private static final LockSpace CONTACTS = new LockSpace("shopper-contact");

    /** A contact as its shopper sees it. */
    public record Settings(boolean email, Optional<String> emailAddress, Language language) {}

    private final FieldCipher cipher;
    private final AdvisoryLocks locks;
    private final Clock clock;

    ContactBook(FieldCipher cipher, AdvisoryLocks locks, Clock clock) {
        this.cipher = cipher;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Keeps the address the shopper's identity gives now, if their identity provider verified it (an
     * unverified one is never emailed: anybody can type anybody's address), and, for a new contact,
     * the language they shop in ({@code language}); a known contact keeps the language chosen in its settings.
     */
    @Transactional
    public void remember(String shopperId, Optional<String> email, Language language) {
        known(shopperId, email, language);
    }

    /** The shopper's settings, their contact remembered first (as {@link #remember}). */
    @Transactional
    public Settings settings(String shopperId, Optional<String> email, Language language) {
        return settingsOf(known(shopperId, email, language));
    }

    /** The shopper's settings, changed: email on or off, and the language messages are written in. */
    @Transactional
    public Settings change(String shopperId, Optional<String> email, boolean emailOn, Language language) {
        var contact = known(shopperId, email, language);
        contact.speaks(language, clock.instant());
        turnEmail(contact, emailOn);
        return settingsOf(contact);
    }

    private ShopperContact known(String shopperId, Optional<String> email, Language language) {
        var contact = contactOf(shopperId, language);
        email.filter(address -> !address.isBlank()).ifPresent(address -> {
            if (!Objects.equals(emailOf(contact).orElse(null), address)) {
                contact.emailSealed(cipher.encrypt(shopperId, EMAIL_FIELD, address), clock.instant());
            }
        });
        return contact;
    }

    /** The unsubscribe link of an email: email off for its shopper; 404 for a token nobody has (or erased meanwhile). */
    @Transactional
    public Settings unsubscribe(String token) {
        var notFound = ProblemException.notFound("Unsubscribe link");
        String shopperId = ShopperContact.byUnsubscribeToken(token).orElseThrow(() -> notFound).shopperId();
        locks.lock(CONTACTS, shopperId);
        var contact = ShopperContact.reread(shopperId).orElseThrow(() -> notFound);
        turnEmail(contact, false);
        return settingsOf(contact);
    }

    /** Erasing the shopper: their contact goes, under the lock its changes take, and no email not sent yet goes out. */
    @Transactional(Transactional.TxType.MANDATORY)
    void forget(String shopperId) {
        locks.lock(CONTACTS, shopperId);
        ShopperContact.deleteOf(shopperId);
        ShopperMessage.skipPendingEmailsOf(shopperId);
    }

    /** The address to email, if the shopper has one and it is still readable (not erased). */
    Optional<String> emailOf(ShopperContact contact) {
        return contact.sealedEmail().flatMap(sealed -> cipher.decrypt(contact.shopperId(), EMAIL_FIELD, sealed));
    }

    private ShopperContact contactOf(String shopperId, Language language) {
        locks.lock(CONTACTS, shopperId);
        return ShopperContact.ofOrNew(shopperId, language, clock.instant());
    }

    private void turnEmail(ShopperContact contact, boolean on) {
        contact.emailEnabled(on, clock.instant());
        if (!on) {
            ShopperMessage.skipPendingEmailsOf(contact.shopperId());
        }
    }

    private Settings settingsOf(ShopperContact contact) {
        return new Settings(contact.emailEnabled(), emailOf(contact), contact.language());
    }
}
