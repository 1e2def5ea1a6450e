package io.quarkmall.cartorder.domain;

import io.quarkmall.cartorder.domain.AfterSalesPolicy.ClaimedLine;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A shopper's request for money back on one order without sending the goods back (refund only):
 * REQUESTED → APPROVED → REFUNDED (or NOT_REFUNDED when pay declines it), or REQUESTED → REJECTED. Approved by the merchant, by the
 * auto-approve rule (a small amount) or by the clock when the merchant has not answered by
 * {@code respondBy}; refunded once pay says the money went back under its reference.
 */
@Entity
public class AfterSalesRequest extends PanacheEntityBase {

    /** NOT_REFUNDED: approved, but pay could not give the money back (PaymentRefundDeclined). */
    public enum Status { REQUESTED, APPROVED, REJECTED, REFUNDED, NOT_REFUNDED }

    /** Who approved or rejected it. */
    public enum Decider { MERCHANT, AUTO_APPROVE_RULE, REVIEW_DEADLINE }

    private static final String REFERENCE_PREFIX = "after-sales-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long orderId;
    private String shopperId;
    @Enumerated(EnumType.STRING)
    private AfterSalesReason reason;
    private String note;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<ClaimedLine> lines;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor"))
    private Money amount;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant respondBy;
    @Enumerated(EnumType.STRING)
    private Decider decidedBy;
    private String decisionNote;
    private Instant createdAt;
    private Instant decidedAt;
    private Instant refundedAt;
    private String notRefundedReason;

    protected AfterSalesRequest() {
    }

    public static AfterSalesRequest open(Order order, AfterSalesPolicy.Grant grant, AfterSalesReason reason,
                                         String note, Instant now, Instant respondBy) {
        var request = new AfterSalesRequest();
        request.orderId = order.id();
        request.shopperId = order.shopperId();
        request.reason = reason;
        request.note = note;
        request.lines = grant.lines();
        request.amount = grant.amount();
        request.status = Status.REQUESTED;
        request.createdAt = now;
        request.respondBy = respondBy;
        return request;
    }

    public void approve(Decider by, String note, Instant now) {
        decide(Status.APPROVED, by, note, now);
    }

    /** The merchant says no, with a note; refused once the review deadline has passed (the clock approves it). */
    public void reject(String note, Instant now) {
        if (status == Status.REQUESTED && !now.isBefore(respondBy)) {
            throw new RuleViolation("after-sales-deadline-passed", "After-sales request " + id + " was not answered by "
                    + respondBy + ", so it is approved; it can no longer be rejected.");
        }
        decide(Status.REJECTED, Decider.MERCHANT, note, now);
    }

    private void decide(Status to, Decider by, String note, Instant now) {
        if (status != Status.REQUESTED) {
            throw new RuleViolation("after-sales-decided", "After-sales request " + id + " is " + status
                    + " already.");
        }
        status = to;
        decidedBy = by;
        decisionNote = note;
        decidedAt = now;
    }

    /** pay gave the money back. False if this was known already (a repeated event). */
    public boolean refunded(Instant now) {
        if (status == Status.REFUNDED) {
            return false;
        }
        if (status != Status.APPROVED) {
            throw new RuleViolation("after-sales-not-approved", "After-sales request " + id + " is " + status
                    + "; only an approved one is refunded.");
        }
        status = Status.REFUNDED;
        refundedAt = now;
        return true;
    }

    /** pay could not give the money back, for good. False if this was known already (a repeated event). */
    public boolean notRefunded(String reason, Instant now) {
        if (status == Status.NOT_REFUNDED) {
            return false;
        }
        if (status != Status.APPROVED) {
            throw new RuleViolation("after-sales-not-approved", "After-sales request " + id + " is " + status
                    + "; only an approved one can fail to be refunded.");
        }
        status = Status.NOT_REFUNDED;
        notRefundedReason = reason;
        return true;
    }

    /** Still to be decided or refunded. */
    public boolean isOpen() {
        return status == Status.REQUESTED || status == Status.APPROVED;
    }

    /** Its units are taken (asked for or refunded): a later request cannot ask for them again. Not so once rejected or not refunded. */
    public boolean claims() {
        return status != Status.REJECTED && status != Status.NOT_REFUNDED;
    }

    /** The refund reference pay keeps for it, so the money goes back once. */
    public String refundReference() {
        return REFERENCE_PREFIX + id;
    }

    /** The request a refund reference names, if it names one. */
    public static Optional<Long> idOfReference(String refundReference) {
        if (refundReference == null || !refundReference.startsWith(REFERENCE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(refundReference.substring(REFERENCE_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static List<AfterSalesRequest> ofOrder(long orderId) {
        return list("orderId = ?1 order by id", orderId);
    }

    /**
     * The order a request is about, read without loading the request, so a lock taken after (order
     * first, then request) reads the request as it is then.
     */
    public static Optional<Long> orderIdOf(long id) {
        return getEntityManager().createQuery("select r.orderId from AfterSalesRequest r where r.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public static Optional<AfterSalesRequest> lock(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Ids of requests still undecided at their deadline, the most overdue first. */
    public static List<Long> overdue(Instant now, int limit) {
        return getEntityManager().createQuery("""
                        select r.id from AfterSalesRequest r where r.status = :requested and r.respondBy < :now
                        order by r.respondBy""", Long.class)
                .setParameter("requested", Status.REQUESTED).setParameter("now", now)
                .setMaxResults(limit).getResultList();
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

    public AfterSalesReason reason() {
        return reason;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public List<ClaimedLine> lines() {
        return List.copyOf(lines);
    }

    public Money amount() {
        return amount;
    }

    public Status status() {
        return status;
    }

    public Instant respondBy() {
        return respondBy;
    }

    public Optional<Decider> decidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<String> decisionNote() {
        return Optional.ofNullable(decisionNote);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<Instant> refundedAt() {
        return Optional.ofNullable(refundedAt);
    }

    /** Why pay could not refund it (NOT_REFUNDED). */
    public Optional<String> notRefundedReason() {
        return Optional.ofNullable(notRefundedReason);
    }
}
