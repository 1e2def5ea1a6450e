package io.quarkmall.loyalty.domain;

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
 * Points paying part of one order: HELD when the order is placed, then SPENT when it is paid or
 * RELEASED when it is cancelled unpaid; REFUSED if the balance was short. After payment, money
 * refunded brings back points in the same proportion: refunding a third of the money returns a
 * third of the points, rounded down, and a full refund all of them.
 */
@Entity
public class PointsHold extends PanacheEntityBase {

    public enum Status { HELD, SPENT, RELEASED, REFUSED }

    /** The ledger reason of the debit that holds the points. */
    public static final String HELD_FOR_ORDER = "HELD_FOR_ORDER";
    /** The ledger reason of the credit that gives held points back to a cancelled, unpaid order's shopper. */
    public static final String RELEASED_FROM_HOLD = "RELEASED_FROM_HOLD";
    /** The ledger reason of the credits that return spent points with money refunded. */
    public static final String RETURNED_FOR_REFUND = "RETURNED_FOR_REFUND";

    @Id
    private Long orderId;
    private String shopperId;
    private long points;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "money_minor"))
    private Money money;
    @Enumerated(EnumType.STRING)
    private Status status;
    private long refundedMinor;
    private long returnedPoints;
    private Instant createdAt;
    private Instant updatedAt;

    protected PointsHold() {
    }

    /** {@code money}: what the order costs in money beside the points. */
    public static PointsHold held(long orderId, String shopperId, long points, Money money, Instant now) {
        return opened(orderId, shopperId, points, money, Status.HELD, now);
    }

    public static PointsHold refused(long orderId, String shopperId, long points, Money money, Instant now) {
        return opened(orderId, shopperId, points, money, Status.REFUSED, now);
    }

    private static PointsHold opened(long orderId, String shopperId, long points, Money money, Status status,
                                     Instant now) {
        var hold = new PointsHold();
        hold.orderId = orderId;
        hold.shopperId = shopperId;
        hold.points = points;
        hold.money = money;
        hold.status = status;
        hold.createdAt = now;
        hold.updatedAt = now;
        return hold;
    }

    public static Optional<PointsHold> ofOrder(long orderId) {
        return findByIdOptional(orderId);
    }

    /** The order's hold, locked until the transaction ends. */
    public static Optional<PointsHold> lock(long orderId) {
        return findByIdOptional(orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The order was paid: the points are spent. False if they were not held (a late or repeated fact). */
    public boolean spend(Instant now) {
        return move(Status.HELD, Status.SPENT, now);
    }

    /** The order was cancelled unpaid: the points go back. False if they are not held. */
    public boolean release(Instant now) {
        return move(Status.HELD, Status.RELEASED, now);
    }

    /**
     * Money was refunded after payment: the points to return now so that, in all, the shopper has
     * back the refunded share of them (0 if none are due, or the points were never spent).
     */
    public long refund(Money amount, Instant now) {
        if (status != Status.SPENT) {
            return 0;
        }
        refundedMinor = Math.min(Math.addExact(refundedMinor, amount.amountMinor()), Math.max(money.amountMinor(), 0));
        long due = money.amountMinor() == 0 ? points
                : Math.multiplyExact(points, refundedMinor) / money.amountMinor();
        long returning = due - returnedPoints;
        returnedPoints = due;
        updatedAt = now;
        return returning;
    }

    /** Everything still unreturned goes back: an order paid wholly in points was cancelled after payment. */
    public long returnAll(Instant now) {
        if (status != Status.SPENT) {
            return 0;
        }
        long rest = points - returnedPoints;
        returnedPoints = points;
        updatedAt = now;
        return rest;
    }

    private boolean move(Status from, Status to, Instant now) {
        if (status != from) {
            return false;
        }
        status = to;
        updatedAt = now;
        return true;
    }

    public long orderId() {
        return orderId;
    }

    public String shopperId() {
        return shopperId;
    }

    public long points() {
        return points;
    }

    public Money money() {
        return money;
    }

    public Status status() {
        return status;
    }

    /** How many points of this order have gone back to the shopper after payment. */
    public long returnedPoints() {
        return returnedPoints;
    }
}
