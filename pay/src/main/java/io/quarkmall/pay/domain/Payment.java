package io.quarkmall.pay.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt to pay an order through a channel, under a reference of its own at the channel. Its
 * state moves only on what the channel confirmed: a signed notification or the answer to our query.
 * It holds the channel's trade id, never a card number, CVV or token.
 *
 * <pre>
 * IN_REVIEW ──approved──▶ VOIDED (the shopper pays again, no longer held) / ──declined──▶ DECLINED
 * PENDING ──paid──▶ CAPTURED ──refund──▶ PARTIALLY_REFUNDED ──refund──▶ REFUNDED
 *    │ └──refused──▶ DECLINED
 *    └──closed────▶ VOIDED
 * </pre>
 * A payment the channel took after another attempt had paid the order, or after the order was
 * cancelled, is {@linkplain #surplus() surplus}: recorded as captured and refunded whole.
 */
@Entity
public class Payment extends PanacheEntityBase {

    /** TIMED_OUT: the card PSP's first API did not answer in time, and the charge was voided. */
    public enum Status { IN_REVIEW, PENDING, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, DECLINED, VOIDED, TIMED_OUT }

    /** How often a PENDING payment is asked about, at most: its check interval doubles up to this. */
    static final Duration MAX_CHECK_INTERVAL = Duration.ofMinutes(5);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long orderId;
    private String shopperId;
    private String channel;
    private String reference;
    private String presentation;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor"))
    private Money amount;
    private long refundedMinor;
    private boolean surplus;
    private String gatewayChargeId;
    private String failureReason;
    private String actionKind;
    private String actionValue;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant paidAt;
    private Instant nextCheckAt;
    private int checks;
    private Long riskReviewId;
    private String payerSealed;

    protected Payment() {
    }

    /** A new attempt, PENDING until the channel says otherwise; first asked about after {@code firstCheck}. */
    public static Payment start(PayableOrder order, String channel, String presentation, int attempt,
                                Instant now, Duration firstCheck) {
        var payment = new Payment();
        payment.orderId = order.orderId();
        payment.shopperId = order.shopperId();
        payment.channel = channel;
        payment.reference = referenceOf(order.orderId(), attempt);
        payment.presentation = presentation;
        payment.status = Status.PENDING;
        payment.amount = order.amount();
        payment.createdAt = now;
        payment.updatedAt = now;
        payment.nextCheckAt = now.plus(firstCheck);
        return payment;
    }

    /** Risk control held this attempt for an operator's review: it has not reached its channel. */
    public void holdForReview(long reviewId, Instant now) {
        status = Status.IN_REVIEW;
        riskReviewId = reviewId;
        nextCheckAt = null;
        updatedAt = now;
    }

    /** Risk control refused it before it reached its channel. */
    public void refusedByRisk(Instant now) {
        status = Status.DECLINED;
        failureReason = "RISK_DECLINED";
        nextCheckAt = null;
        updatedAt = now;
    }

    /** The operator's decision on the review that holds this attempt; false if it is not held. */
    public boolean reviewed(boolean approved, Instant now) {
        if (status != Status.IN_REVIEW) {
            return false;
        }
        status = approved ? Status.VOIDED : Status.DECLINED;
        failureReason = approved ? "REVIEW_APPROVED" : "RISK_DECLINED";
        updatedAt = now;
        return true;
    }

    public static Optional<Payment> heldBy(long reviewId) {
        return find("riskReviewId", reviewId).firstResultOptional();
    }

    /** The channel reference of an order's n-th attempt: the same attempt retried keeps it. */
    public static String referenceOf(long orderId, int attempt) {
        return "qm-" + orderId + "-" + attempt;
    }

    public static long attemptsOf(long orderId) {
        return count("orderId", orderId);
    }

    public static List<Payment> ofShopper(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt"), shopperId).page(Page.of(page, size)).list();
    }

    public static List<Payment> ofOrder(long orderId) {
        return list("orderId", Sort.ascending("id"), orderId);
    }

    /** Newest first, optionally only those in one status; for the console. */
    public static List<Payment> newest(Optional<Status> status, Optional<Long> orderId, int page, int size) {
        var query = status.isPresent() && orderId.isPresent()
                ? find("status = ?1 and orderId = ?2", Sort.descending("id"), status.get(), orderId.get())
                : status.isPresent() ? find("status", Sort.descending("id"), status.get())
                : orderId.isPresent() ? find("orderId", Sort.descending("id"), orderId.get())
                : findAll(Sort.descending("id"));
        return query.page(Page.of(page, size)).list();
    }

    public static Optional<Payment> ownedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).firstResultOptional();
    }

    /** Which attempt and order a channel's reference names, read without loading the attempt. */
    public record Key(long paymentId, long orderId) {}

    public static Optional<Key> keyOf(String reference, String channel) {
        return getEntityManager().createQuery("select p.id, p.orderId from Payment p where p.reference = ?1"
                        + " and p.channel = ?2", Object[].class)
                .setParameter(1, reference).setParameter(2, channel).getResultStream().findFirst()
                .map(row -> new Key((Long) row[0], (Long) row[1]));
    }

    public static Optional<Payment> lockById(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The payment that paid the order (not a surplus one), if any. */
    public static Optional<Payment> keptFor(long orderId) {
        return find("orderId = ?1 and surplus = false and status in ?2", orderId,
                List.of(Status.CAPTURED, Status.PARTIALLY_REFUNDED, Status.REFUNDED)).firstResultOptional();
    }

    /** Payments the channel took (kept or surplus), paid in [from, to). */
    public static List<Payment> paidThrough(String channel, Instant from, Instant to) {
        return list("channel = ?1 and paidAt >= ?2 and paidAt < ?3 and status in ?4", channel, from, to,
                List.of(Status.CAPTURED, Status.PARTIALLY_REFUNDED, Status.REFUNDED));
    }

    public static List<Payment> pendingOf(long orderId) {
        return list("orderId = ?1 and status = ?2", Sort.ascending("id"), orderId, Status.PENDING);
    }

    /** Ids of PENDING payments the channel should be asked about now. */
    public static List<Long> checksDue(Instant now, int limit) {
        return getEntityManager().createQuery("select p.id from Payment p where p.status = ?1 and p.nextCheckAt <= ?2"
                        + " order by p.nextCheckAt", Long.class)
                .setParameter(1, Status.PENDING).setParameter(2, now).setMaxResults(limit).getResultList();
    }

    /** The channel shows the shopper this (a QR code's content or a page to go to). */
    public void awaitShopper(String kind, String value, Instant now) {
        actionKind = kind;
        actionValue = value;
        updatedAt = now;
    }

    /** The channel confirmed the money was taken; false if it was confirmed before. */
    public boolean captured(String tradeId, Instant paidAt, boolean surplus, Instant now) {
        if (status != Status.PENDING) {
            return false;
        }
        status = Status.CAPTURED;
        gatewayChargeId = tradeId;
        this.paidAt = paidAt;
        this.surplus = surplus;
        nextCheckAt = null;
        updatedAt = now;
        return true;
    }

    /** The channel refused it (or, on the card PSP's first API, timed out and voided it); false if settled before. */
    public boolean declined(String code, Instant now) {
        return settle("TIMEOUT".equals(code) ? Status.TIMED_OUT : Status.DECLINED, code, now);
    }

    /** Closed unpaid at the channel; false if it was settled before. */
    public boolean voided(String reason, Instant now) {
        return settle(Status.VOIDED, reason, now);
    }

    private boolean settle(Status next, String reason, Instant now) {
        if (status != Status.PENDING) {
            return false;
        }
        status = next;
        failureReason = reason;
        nextCheckAt = null;
        updatedAt = now;
        return true;
    }

    /** Still PENDING after a check: asked again later, waiting twice as long each time. */
    public void checkedStillPending(Instant now) {
        checks++;
        long seconds = Math.min(MAX_CHECK_INTERVAL.toSeconds(), 5L << Math.min(checks, 10));
        nextCheckAt = now.plusSeconds(seconds);
        updatedAt = now;
    }

    /** Ask the channel at once (the order was cancelled, so a pending payment must be closed). */
    public void checkNow(Instant now) {
        if (status == Status.PENDING) {
            nextCheckAt = now;
        }
    }

    /** What can still be refunded, counting refunds already asked for. */
    public Money refundable(Money alreadyAsked) {
        return amount.minus(alreadyAsked);
    }

    /** Asks for {@code amount} back; refused if the payment kept no money or not that much is left. */
    public void requireRefundable(Money amount, Money alreadyAsked) {
        if (status != Status.CAPTURED && status != Status.PARTIALLY_REFUNDED) {
            throw new RuleViolation("payment-not-refundable", "Payment " + id + " is " + status
                    + "; only a captured payment can be refunded.");
        }
        if (!amount.currency().equals(this.amount.currency())) {
            throw new RuleViolation("refund-currency-mismatch", "Payment " + id + " was made in "
                    + this.amount.currency() + ", not " + amount.currency() + ".");
        }
        if (amount.amountMinor() > refundable(alreadyAsked).amountMinor()) {
            throw new RuleViolation("refund-exceeds-payment", "Payment " + id + " has "
                    + refundable(alreadyAsked).amountMinor() + " minor units left to refund; "
                    + amount.amountMinor() + " were asked for.");
        }
    }

    /** The channel gave {@code amount} back. */
    public void refunded(Money amount, Instant now) {
        refundedMinor += amount.amountMinor();
        status = refundedMinor >= this.amount.amountMinor() ? Status.REFUNDED : Status.PARTIALLY_REFUNDED;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public String shopperId() {
        return shopperId;
    }

    public String channel() {
        return channel;
    }

    public String reference() {
        return reference;
    }

    public String presentation() {
        return presentation;
    }

    public Status status() {
        return status;
    }

    public Money amount() {
        return amount;
    }

    public Money refundedAmount() {
        return new Money(refundedMinor, amount.currency());
    }

    public boolean surplus() {
        return surplus;
    }

    public String gatewayChargeId() {
        return gatewayChargeId;
    }

    public String failureReason() {
        return failureReason;
    }

    public String actionKind() {
        return actionKind;
    }

    public String actionValue() {
        return actionValue;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    /** The channel's id of the payer, already sealed under the shopper's data key. */
    public void payer(String sealed) {
        payerSealed = sealed;
    }

    public String payerSealed() {
        return payerSealed;
    }

    public Long riskReviewId() {
        return riskReviewId;
    }
}
