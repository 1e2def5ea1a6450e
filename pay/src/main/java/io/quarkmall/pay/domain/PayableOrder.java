package io.quarkmall.pay.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
    private long amountMinor;
    private String currency;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant updatedAt;

    protected PayableOrder() {
    }

    public PayableOrder(long orderId, String shopperId, Money amount, Instant now) {
        this.orderId = orderId;
        this.shopperId = shopperId;
        this.amountMinor = amount.amountMinor();
        this.currency = amount.currency();
        this.status = Status.PAYABLE;
        this.updatedAt = now;
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
            case CANCELLED -> throw new RuleViolation("order-cancelled", "Order " + orderId + " was cancelled.");
        }
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
        return new Money(amountMinor, currency);
    }

    public Status status() {
        return status;
    }
}
