package io.quarkmall.pay.domain;

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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Money given back from one payment, under a refund reference of its own at the channel: asked for
 * once, carried out by a retrying job, so a channel that is down delays a refund and never loses or
 * repeats it.
 */
@Entity
public class PaymentRefund extends PanacheEntityBase {

    /** PROCESSING: the channel accepted it and is still moving the money. */
    public enum Status { PENDING, PROCESSING, DONE, REFUSED }

    /** Why money goes back. */
    public enum Reason {
        /** A paid order was cancelled. */
        ORDER_CANCELLED,
        /** A second attempt was paid after the order had been paid (or cancelled): it is not kept. */
        SURPLUS_PAYMENT,
        /** An operator refunded part or all of a payment (after-sales). */
        REQUESTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long paymentId;
    private String refundReference;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor"))
    private Money amount;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String channelRefundId;
    private String refusal;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant createdAt;
    private Instant doneAt;

    protected PaymentRefund() {
    }

    public static PaymentRefund ask(Payment payment, String refundReference, Money amount, Reason reason, Instant now) {
        var refund = new PaymentRefund();
        refund.paymentId = payment.id();
        refund.refundReference = refundReference;
        refund.amount = amount;
        refund.reason = reason.name();
        refund.status = Status.PENDING;
        refund.nextAttemptAt = now;
        refund.createdAt = now;
        return refund;
    }

    /** What was asked back from a payment so far, refused refunds not counted. */
    public static Money askedOf(Payment payment) {
        long minor = PaymentRefund.<PaymentRefund>list("paymentId = ?1 and status <> ?2", payment.id(), Status.REFUSED)
                .stream().mapToLong(r -> r.amount.amountMinor()).sum();
        return new Money(minor, payment.amount().currency());
    }

    public static Optional<PaymentRefund> byReference(String refundReference) {
        return find("refundReference", refundReference).firstResultOptional();
    }

    /** Refunds the channel completed in [from, to), of payments through {@code channel}. */
    public static List<PaymentRefund> doneThrough(String channel, Instant from, Instant to) {
        return list("status = ?1 and doneAt >= ?2 and doneAt < ?3 and paymentId in (select p.id from Payment p where"
                + " p.channel = ?4)", Status.DONE, from, to, channel);
    }

    public static List<PaymentRefund> ofPayment(long paymentId) {
        return list("paymentId", Sort.ascending("id"), paymentId);
    }

    public static List<PaymentRefund> newest(Optional<Status> status, int page, int size) {
        var query = status.isPresent() ? find("status", Sort.descending("id"), status.get()) : findAll(Sort.descending("id"));
        return query.page(Page.of(page, size)).list();
    }

    /** Refunds due now, locked (and skipped by others) so that two replicas never carry out one refund. */
    public static List<PaymentRefund> due(Instant now, int limit) {
        return find("status in ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", List.of(Status.PENDING, Status.PROCESSING), now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    public void done(String channelRefundId, Instant now) {
        status = Status.DONE;
        this.channelRefundId = channelRefundId;
        nextAttemptAt = null;
        doneAt = now;
    }

    /** The channel accepted it and is moving the money: asked about again shortly. */
    public void processing(Instant now) {
        status = Status.PROCESSING;
        retryLater(now);
    }

    public void refused(String code, Instant now) {
        status = Status.REFUSED;
        refusal = code;
        nextAttemptAt = null;
        doneAt = now;
    }

    /** The channel did not take it yet; try again later, waiting longer each time (at most 5 minutes). */
    public void retryLater(Instant now) {
        attempts++;
        nextAttemptAt = now.plusSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
    }

    public Long id() {
        return id;
    }

    public long paymentId() {
        return paymentId;
    }

    public String refundReference() {
        return refundReference;
    }

    public Money amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public String channelRefundId() {
        return channelRefundId;
    }

    public String refusal() {
        return refusal;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant doneAt() {
        return doneAt;
    }
}
