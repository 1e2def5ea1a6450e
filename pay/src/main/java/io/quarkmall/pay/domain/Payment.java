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
 * One attempt to pay an order through a channel. It holds the gateway's charge id, never a card
 * number, CVV or token.
 */
@Entity
public class Payment extends PanacheEntityBase {

    public enum Status { CAPTURED, DECLINED, TIMED_OUT, REFUND_PENDING, REFUNDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long orderId;
    private String shopperId;
    private String channel;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor"))
    private Money amount;
    private String gatewayChargeId;
    private String failureReason;
    private Instant createdAt;
    private int refundAttempts;
    private Instant nextRefundAttemptAt;

    protected Payment() {
    }

    public static Payment attempt(PayableOrder order, String channel, Status outcome, String chargeId, Instant now) {
        var payment = new Payment();
        payment.orderId = order.orderId();
        payment.shopperId = order.shopperId();
        payment.channel = channel;
        payment.status = outcome;
        payment.amount = order.amount();
        payment.gatewayChargeId = chargeId;
        payment.failureReason = switch (outcome) {
            case DECLINED -> "DECLINED";
            case TIMED_OUT -> "TIMEOUT";
            default -> null;
        };
        payment.createdAt = now;
        return payment;
    }

    public static List<Payment> ofShopper(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt"), shopperId).page(Page.of(page, size)).list();
    }

    public static Optional<Payment> ownedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).firstResultOptional();
    }

    public static Optional<Payment> capturedFor(long orderId) {
        return find("orderId = ?1 and status = ?2", orderId, Status.CAPTURED).firstResultOptional();
    }

    /** The order was cancelled after it was paid: the money goes back as soon as the gateway takes the refund. */
    public void refundRequested(Instant now) {
        status = Status.REFUND_PENDING;
        nextRefundAttemptAt = now;
    }

    public void refunded() {
        status = Status.REFUNDED;
        nextRefundAttemptAt = null;
    }

    /** The gateway did not take the refund; try again later, waiting longer each time (at most 5 minutes). */
    public void refundFailed(Instant now) {
        refundAttempts++;
        nextRefundAttemptAt = now.plusSeconds(Math.min(300, 1L << Math.min(refundAttempts, 8)));
    }

    /** Refunds due now, locked so that two replicas never refund one payment. */
    public static List<Payment> refundsDue(Instant now, int limit) {
        return find("status = ?1 and nextRefundAttemptAt <= ?2 order by nextRefundAttemptAt", Status.REFUND_PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public String channel() {
        return channel;
    }

    public Status status() {
        return status;
    }

    public Money amount() {
        return amount;
    }

    public String gatewayChargeId() {
        return gatewayChargeId;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
