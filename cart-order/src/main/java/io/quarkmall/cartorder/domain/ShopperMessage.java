package io.quarkmall.cartorder.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message to a shopper, made once from one timeline step with a {@link Notice}: it stays in
 * their message centre (read or not), and is emailed once unless email is off for them. Holds no
 * personal data: a code, an order and an amount; the words are the reader's language's.
 */
@Entity
@Table(name = "shopper_message")
public class ShopperMessage extends PanacheEntityBase {

    /** Where the message's email is. */
    public enum Email {
        /** To be sent at {@code emailDueAt}. */
        PENDING,
        SENT,
        /** Not sent: the shopper turned email off, or no address is known. */
        SKIPPED,
        /** The mail server refused it {@link #MAX_ATTEMPTS} times. */
        FAILED
    }

    public static final int MAX_ATTEMPTS = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    private long orderId;
    private long stepId;
    @Enumerated(EnumType.STRING)
    private Notice notice;
    private Long amountMinor;
    private String currency;
    private Instant createdAt;
    private Instant readAt;
    @Enumerated(EnumType.STRING)
    private Email emailStatus;
    private int emailAttempts;
    private Instant emailDueAt;
    private Instant emailedAt;

    protected ShopperMessage() {
    }

    /** The message of {@code step}, to be emailed or not. */
    public ShopperMessage(TimelineEntry step, boolean email, Instant now) {
        Order order = step.order();
        this.shopperId = order.shopperId();
        this.orderId = order.id();
        this.stepId = step.id();
        this.notice = step.notice().orElseThrow();
        this.amountMinor = step.noticeAmountMinor().orElse(null);
        this.currency = order.total().currency();
        this.createdAt = now;
        this.emailStatus = email ? Email.PENDING : Email.SKIPPED;
        this.emailDueAt = email ? now : null;
    }

    /** The shopper's messages, newest first, a page at a time. */
    public static List<ShopperMessage> of(String shopperId, boolean unreadOnly, int page, int size) {
        String query = unreadOnly ? "shopperId = ?1 and readAt is null" : "shopperId = ?1";
        return find(query, Sort.descending("id"), shopperId).page(page, size).list();
    }

    public static long unreadOf(String shopperId) {
        return count("shopperId = ?1 and readAt is null", shopperId);
    }

    public static Optional<ShopperMessage> ownedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).firstResultOptional();
    }

    /** Marks every unread message of the shopper read; how many. */
    public static int readAllOf(String shopperId, Instant now) {
        return update("readAt = ?1 where shopperId = ?2 and readAt is null", now, shopperId);
    }

    /**
     * The ids of up to {@code limit} messages whose email is due, in the order they fell due and, among
     * those due at the same instant (made in one pass of the notifier), in the order they were made.
     */
    public static List<Long> emailDue(Instant now, int limit) {
        return getEntityManager().createQuery("select m.id from ShopperMessage m where m.emailStatus = ?1"
                        + " and m.emailDueAt <= ?2 order by m.emailDueAt, m.id", Long.class)
                .setParameter(1, Email.PENDING).setParameter(2, now).setMaxResults(limit).getResultList();
    }

    /** The message, locked for the caller's transaction, if its email is still to be sent. */
    public static Optional<ShopperMessage> lockPending(long id) {
        return ShopperMessage.<ShopperMessage>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(m -> m.emailStatus == Email.PENDING);
    }

    /** Every message of the shopper whose email is not sent yet is not to be: they turned email off. */
    public static int skipPendingEmailsOf(String shopperId) {
        return update("emailStatus = ?1, emailDueAt = null where shopperId = ?2 and emailStatus = ?3",
                Email.SKIPPED, shopperId, Email.PENDING);
    }

    public void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public void emailed(Instant now) {
        emailStatus = Email.SENT;
        emailedAt = now;
        emailDueAt = null;
        emailAttempts++;
    }

    public void emailSkipped() {
        emailStatus = Email.SKIPPED;
        emailDueAt = null;
    }

    /** The mail server did not take it: tried again later (1 s, 2 s, 4 s... at most 5 min), or given up. */
    public void emailFailed(Instant now) {
        emailAttempts++;
        if (emailAttempts >= MAX_ATTEMPTS) {
            emailStatus = Email.FAILED;
            emailDueAt = null;
        } else {
            long backoff = Math.min(300, 1L << (emailAttempts - 1));
            emailDueAt = now.plus(Duration.ofSeconds(backoff));
        }
    }

    public long id() {
        return id;
    }

    public String shopperId() {
        return shopperId;
    }

    public long orderId() {
        return orderId;
    }

    public Notice notice() {
        return notice;
    }

    public Optional<Long> amountMinor() {
        return Optional.ofNullable(amountMinor);
    }

    public String currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> readAt() {
        return Optional.ofNullable(readAt);
    }

    public Email emailStatus() {
        return emailStatus;
    }

    public int emailAttempts() {
        return emailAttempts;
    }
}
