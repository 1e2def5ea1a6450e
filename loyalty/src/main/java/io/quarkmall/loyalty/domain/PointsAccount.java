package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A shopper's points: the balance they may spend (always the sum of their ledger entries, and of
 * what their lots still hold) and the part of it set aside for unpaid orders. Its row is the lock
 * every change of the shopper's points takes, so concurrent spending can never overspend.
 */
@Entity
public class PointsAccount extends PanacheEntityBase {

    @Id
    private String shopperId;
    private long balance;
    private long held;
    private Instant updatedAt;

    protected PointsAccount() {
    }

    public String shopperId() {
        return shopperId;
    }

    public long balance() {
        return balance;
    }

    /** Points already taken from the balance for orders not yet paid; given back if they are cancelled. */
    public long held() {
        return held;
    }

    public void credit(long points, Instant now) {
        requirePositive(points);
        balance = Math.addExact(balance, points);
        updatedAt = now;
    }

    /** Takes points from the balance; refuses, changing nothing, when the balance is short. */
    public void debit(long points, Instant now) {
        requirePositive(points);
        if (points > balance) {
            throw new RuleViolation("insufficient-points",
                    "This needs " + points + " points and the balance is " + balance + ".");
        }
        balance -= points;
        updatedAt = now;
    }

    public void hold(long points) {
        requirePositive(points);
        held = Math.addExact(held, points);
    }

    /** The hold ends: spent by a payment or given back by a cancellation. */
    public void endHold(long points) {
        if (points <= 0 || points > held) {
            throw new RuleViolation("no-such-hold", "No hold of " + points + " points on this account.");
        }
        held -= points;
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new RuleViolation("non-positive-points", "Points must be positive: " + points);
        }
    }
}
