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
 * A shopper's request for money back on one order. Refund only (the goods stay with the shopper):
 * REQUESTED → APPROVED → REFUNDED (or NOT_REFUNDED when pay declines it), or REQUESTED → REJECTED.
 * Return and refund: REQUESTED → AWAITING_RETURN (the return is authorised) → RETURN_SHIPPED (the
 * shopper gave the return parcel's tracking number) → APPROVED once the merchant received the goods,
 * SELLABLE or into QUARANTINE → REFUNDED; a return not shipped by its deadline is EXPIRED.
 * Exchange: as a return up to the merchant's receipt, then REPLACING (a replacement order, at no
 * charge, is on its way) → EXCHANGED once it is delivered; if the replacement order is cancelled
 * (out of stock, or by the shopper) the units' share of the money is refunded instead: APPROVED →
 * REFUNDED (or NOT_REFUNDED).
 * Decided by the merchant, by the auto-approve rule (a small amount) or by the clock when nobody
 * acted by {@code respondBy}; refunded once pay says the money went back under its reference.
 */
@Entity
public class AfterSalesRequest extends PanacheEntityBase {

    /** NOT_REFUNDED: approved, but pay could not give the money back (PaymentRefundDeclined). */
    public enum Status {
        REQUESTED, AWAITING_RETURN, RETURN_SHIPPED, APPROVED, REJECTED, REFUNDED, NOT_REFUNDED, EXPIRED, REPLACING,
        EXCHANGED
    }

    /** EXCHANGE: the goods go back and a replacement comes, no money moving (unless it cannot be sent). */
    public enum Kind { REFUND_ONLY, RETURN_AND_REFUND, EXCHANGE }

    /** What becomes of returned goods: back on the shelf, or set apart until somebody inspects them. */
    public enum Disposition { SELLABLE, QUARANTINE }

    /** Who approved or rejected it. */
    public enum Decider { MERCHANT, AUTO_APPROVE_RULE, TRUSTED_SHOPPER_RULE, REVIEW_DEADLINE }

    /** Where the merchant is to act (review it, or receive its parcel); the queue shows them first. */
    public static final List<Status> AWAITING_MERCHANT = List.of(Status.REQUESTED, Status.RETURN_SHIPPED);
    /** Escalated when late: what awaits the merchant, and an exchange whose replacement is on its way. */
    public static final List<Status> ESCALATING = List.of(Status.REQUESTED, Status.RETURN_SHIPPED, Status.REPLACING);
    /** Where the clock acts at {@code respondBy} if nobody did. */
    public static final List<Status> TIMED = List.of(Status.REQUESTED, Status.AWAITING_RETURN, Status.RETURN_SHIPPED);

    private static final String REFERENCE_PREFIX = "after-sales-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Kind kind;
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
    private String returnCarrier;
    private String returnTracking;
    private Instant returnShippedAt;
    private Instant receivedAt;
    @Enumerated(EnumType.STRING)
    private Disposition disposition;
    private Instant escalateAt;
    private Instant escalatedAt;
    /** An exchange's replacement order, once the returned goods were received. */
    private Long replacementOrderId;

    protected AfterSalesRequest() {
    }

    public static AfterSalesRequest open(Kind kind, Order order, AfterSalesPolicy.Grant grant, AfterSalesReason reason,
                                         String note, Instant now, Instant respondBy, Instant escalateAt) {
        var request = new AfterSalesRequest();
        request.kind = kind;
        request.orderId = order.id();
        request.shopperId = order.shopperId();
        request.reason = reason;
        request.note = note;
        request.lines = grant.lines();
        request.amount = grant.amount();
        request.status = Status.REQUESTED;
        request.createdAt = now;
        request.respondBy = respondBy;
        request.escalateAt = escalateAt;
        return request;
    }

    /**
     * Approved: a refund only is to be refunded now; a return is authorised, and the shopper has
     * until {@code returnBy} to send the goods back.
     */
    public void approve(Decider by, String note, Instant now, Instant returnBy) {
        decide(kind == Kind.REFUND_ONLY ? Status.APPROVED : Status.AWAITING_RETURN, by, note, now);
        if (status == Status.AWAITING_RETURN) {
            respondBy = returnBy;
        }
    }

    /** The shopper sent the goods back; the merchant has until {@code receiveBy} to receive them. */
    public void returnShipped(String carrier, String trackingNumber, Instant now, Instant receiveBy,
                              Instant escalateAt) {
        if (status != Status.AWAITING_RETURN) {
            throw new RuleViolation("after-sales-not-awaiting-return", "After-sales request " + id + " is " + status
                    + "; only an authorised return awaits its parcel.");
        }
        if (!now.isBefore(respondBy)) {
            throw new RuleViolation("after-sales-return-too-late", "After-sales request " + id + " was to be sent back by "
                    + respondBy + "; it is closed.");
        }
        status = Status.RETURN_SHIPPED;
        returnCarrier = carrier;
        returnTracking = trackingNumber;
        returnShippedAt = now;
        respondBy = receiveBy;
        this.escalateAt = escalateAt;
        escalatedAt = null;
    }

    /**
     * The merchant (or, unanswered, the clock) received the returned goods: the refund is due now or,
     * for an exchange, the replacement order {@code replacementOrderId} (null for any other kind) goes out,
     * and the exchange is escalated if the replacement is not delivered by {@code escalateAt}.
     */
    public void received(Disposition disposition, Long replacementOrderId, Instant now, Instant escalateAt) {
        if (status != Status.RETURN_SHIPPED) {
            throw new RuleViolation("after-sales-not-shipped-back", "After-sales request " + id + " is " + status
                    + "; only a return parcel on its way can be received.");
        }
        if ((kind == Kind.EXCHANGE) != (replacementOrderId != null)) {
            throw new RuleViolation("after-sales-replacement", "After-sales request " + id + " is a " + kind
                    + ": an exchange, and only an exchange, is received with its replacement order.");
        }
        status = kind == Kind.EXCHANGE ? Status.REPLACING : Status.APPROVED;
        this.replacementOrderId = replacementOrderId;
        this.disposition = disposition;
        receivedAt = now;
        if (status == Status.REPLACING) {
            this.escalateAt = escalateAt;
            escalatedAt = null;
        }
    }

    /** The replacement order was delivered: the exchange is done. False if this was known already. */
    public boolean exchanged() {
        if (status != Status.REPLACING) {
            return false;
        }
        status = Status.EXCHANGED;
        return true;
    }

    /**
     * The replacement order was cancelled before it was delivered: the units' share of the money is to
     * be refunded instead (APPROVED). False if this was known already.
     */
    public boolean replacementCancelled() {
        if (status != Status.REPLACING) {
            return false;
        }
        status = Status.APPROVED;
        return true;
    }

    /**
     * The merchant has not acted, or the replacement has not been delivered, by {@code escalateAt}:
     * the mall's staff are to look. False if it is waiting on neither, not due yet, or escalated
     * already (the sweep came twice).
     */
    public boolean escalate(Instant now) {
        if (!ESCALATING.contains(status) || escalatedAt != null || escalateAt == null || escalateAt.isAfter(now)) {
            return false;
        }
        escalatedAt = now;
        return true;
    }

    /** An authorised return nobody shipped by its deadline: closed, its units free to be asked for again. */
    public void expire() {
        if (status != Status.AWAITING_RETURN) {
            throw new RuleViolation("after-sales-not-awaiting-return", "After-sales request " + id + " is " + status
                    + "; only an authorised return can expire.");
        }
        status = Status.EXPIRED;
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

    /** Still to be decided, shipped back, received, refunded or, for an exchange, replaced. */
    public boolean isOpen() {
        return TIMED.contains(status) || status == Status.APPROVED || status == Status.REPLACING;
    }

    /** Its units' share of the money is spoken for: to be refunded, or paid for the replacement of an exchange. */
    public boolean holdsMoney() {
        return isOpen() || status == Status.EXCHANGED;
    }

    /**
     * Its units are taken (asked for or refunded): a later request cannot ask for them again. Not so
     * once rejected, not refunded or expired; but returned goods the merchant received stay claimed
     * even when pay could not refund them, so they are never taken back into stock twice.
     */
    public boolean claims() {
        return receivedAt != null
                || status != Status.REJECTED && status != Status.NOT_REFUNDED && status != Status.EXPIRED;
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

    /** Whether a merchant rejected one of the shopper's requests since then. */
    public static boolean rejectedSince(String shopperId, Instant since) {
        return count("shopperId = ?1 and status = ?2 and decidedAt >= ?3", shopperId, Status.REJECTED, since) > 0;
    }

    /** The exchange a replacement order was placed for, locked. */
    public static Optional<AfterSalesRequest> lockReplacedBy(long replacementOrderId) {
        return find("replacementOrderId", replacementOrderId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
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

    /** Ids of requests nobody acted on by their deadline (see {@link #TIMED}), the most overdue first. */
    public static List<Long> overdue(Instant now, int limit) {
        return getEntityManager().createQuery("""
                        select r.id from AfterSalesRequest r where r.status in :timed and r.respondBy < :now
                        order by r.respondBy""", Long.class)
                .setParameter("timed", TIMED).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /** Ids of requests waiting (ESCALATING) past their escalation time, not escalated yet, the earliest first. */
    public static List<Long> toEscalate(Instant now, int limit) {
        return getEntityManager().createQuery("""
                        select r.id from AfterSalesRequest r where r.status in :waiting and r.escalatedAt is null
                        and r.escalateAt < :now order by r.escalateAt""", Long.class)
                .setParameter("waiting", ESCALATING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    public Long id() {
        return id;
    }

    public Optional<Instant> escalatedAt() {
        return Optional.ofNullable(escalatedAt);
    }

    public long orderId() {
        return orderId;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> returnCarrier() {
        return Optional.ofNullable(returnCarrier);
    }

    public Optional<String> returnTracking() {
        return Optional.ofNullable(returnTracking);
    }

    public Optional<Instant> returnShippedAt() {
        return Optional.ofNullable(returnShippedAt);
    }

    /** An exchange's replacement order, once placed. */
    public Optional<Long> replacementOrderId() {
        return Optional.ofNullable(replacementOrderId);
    }

    public Optional<Instant> receivedAt() {
        return Optional.ofNullable(receivedAt);
    }

    public Optional<Disposition> disposition() {
        return Optional.ofNullable(disposition);
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
