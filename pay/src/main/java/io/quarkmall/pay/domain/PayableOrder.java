package io.quarkmall.pay.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/**
 * An order pay may take money for, and whether it has. PAYABLE → PAID (captured) or FAILED
 * (declined, timed out); CANCELLED if the order is cancelled first; REFUNDED if it is cancelled
 * after being paid.
 */
@Entity
public class PayableOrder extends PanacheEntityBase {

    public enum Status { PAYABLE, PAID, FAILED, CANCELLED, REFUNDED }

    @Id
    private Long orderId;
    private String shopperId;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor"))
    private Money amount;
    @Enumerated(EnumType.STRING)
    private Status status;
    private boolean riskCleared;
    private Instant updatedAt;

    protected PayableOrder() {
    }

    /**
     * Makes the order payable unless pay knows it already. Its OrderAwaitingPayment and a shopper's
     * payment that asked cart-order about it may both bring it, at the same moment: the insert of
     * the second waits for the first to commit and then changes nothing, so the order has one row.
     */
    public static void recordIfAbsent(long orderId, String shopperId, Money amount, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO payable_order (order_id, shopper_id, amount_minor, currency, status, updated_at)
                        VALUES (?1, ?2, ?3, ?4, 'PAYABLE', ?5)
                        ON CONFLICT (order_id) DO NOTHING""")
                .setParameter(1, orderId).setParameter(2, shopperId).setParameter(3, amount.amountMinor())
                .setParameter(4, amount.currency()).setParameter(5, now)
                .executeUpdate();
    }

    /** The caller's order, locked until the transaction ends: one payment at a time per order. */
    public static Optional<PayableOrder> lockOwnedBy(String shopperId, long orderId) {
        return find("orderId = ?1 and shopperId = ?2", orderId, shopperId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<PayableOrder> lock(long orderId) {
        return find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public void requirePayable() {
        switch (status) {
            case PAYABLE -> { }
            case PAID, REFUNDED -> throw new RuleViolation("order-already-paid", "Order " + orderId + " is already paid.");
            case FAILED -> throw new RuleViolation("order-payment-failed",
                    "The payment of order " + orderId + " failed, so the order is being cancelled; place a new order.");
            case CANCELLED -> throw cancelled(orderId);
        }
    }

    /** Refuses the payment of a cancelled order (409). */
    public static RuleViolation cancelled(long orderId) {
        return new RuleViolation("order-cancelled", "Order " + orderId + " was cancelled.");
    }

    public void paid(Instant now) {
        requirePayable();
        move(Status.PAID, now);
    }

    public void failed(Instant now) {
        requirePayable();
        move(Status.FAILED, now);
    }

    /** The order was cancelled; true if money was taken and must go back. */
    public boolean cancel(Instant now) {
        boolean refund = status == Status.PAID;
        if (status != Status.REFUNDED) {
            move(refund ? Status.REFUNDED : Status.CANCELLED, now);
        }
        return refund;
    }

    private void move(Status next, Instant now) {
        status = next;
        updatedAt = now;
    }

    public long orderId() {
        return orderId;
    }

    public String shopperId() {
        return shopperId;
    }

    public Money amount() {
        return amount;
    }

    /** An operator approved a held attempt: the order's next attempt is not held again. */
    public void clearRisk() {
        riskCleared = true;
    }

    public boolean riskCleared() {
        return riskCleared;
    }

    public Status status() {
        return status;
    }
}
