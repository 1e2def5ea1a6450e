package io.quarkmall.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One credit (positive) or debit (negative) of a shopper's points. Entries are never changed; the
 * account's balance is always their sum. A {@code reference} names what the entry is for (an
 * order, a day's check-in, a draw), and a shopper has at most one entry per reason and reference.
 */
@Entity
public class PointsLedgerEntry extends PanacheEntityBase {

    /** The credit for a paid order. */
    public static final String EARNED_FOR_ORDER = "EARNED_FOR_ORDER";
    /** Takes back the points a refunded order earned. */
    public static final String REVERSED_FOR_REFUND = "REVERSED_FOR_REFUND";
    /** Points of a lot whose validity ended. */
    public static final String EXPIRED = "EXPIRED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    private long points;
    private String reason;
    private String reference;
    private Long orderId;
    private Long givesBackEntryId;
    private Instant createdAt;

    protected PointsLedgerEntry() {
    }

    /** A new entry: {@code points} is positive for a credit and negative for a debit. */
    public static PointsLedgerEntry of(Posting posting, long points, Instant now) {
        var entry = new PointsLedgerEntry();
        entry.shopperId = posting.shopperId();
        entry.points = points;
        entry.reason = posting.reason();
        entry.reference = posting.reference();
        entry.orderId = posting.orderId();
        entry.createdAt = now;
        return entry;
    }

    /** A credit that returns points an earlier debit took. */
    public static PointsLedgerEntry givingBack(PointsLedgerEntry debit, Posting posting, long points, Instant now) {
        var entry = of(posting, points, now);
        entry.givesBackEntryId = debit.id;
        return entry;
    }

    public static Optional<PointsLedgerEntry> find(String shopperId, String reason, String reference) {
        return find("shopperId = ?1 and reason = ?2 and reference = ?3", shopperId, reason, reference)
                .firstResultOptional();
    }

    /** The entry of an order with this reason, whoever's it is (an order has one shopper). */
    public static Optional<PointsLedgerEntry> ofOrder(long orderId, String reason) {
        return find("orderId = ?1 and reason = ?2", orderId, reason).firstResultOptional();
    }

    /** The points of every entry of this reason for the order, added up (negative for debits). */
    public static long sumOfOrder(long orderId, String reason) {
        return find("select coalesce(sum(e.points), 0) from PointsLedgerEntry e where e.orderId = ?1 and e.reason = ?2",
                orderId, reason).project(Long.class).firstResult();
    }

    public static List<PointsLedgerEntry> givingBack(PointsLedgerEntry debit) {
        return list("givesBackEntryId", debit.id);
    }

    public static List<PointsLedgerEntry> recent(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt", "id"), shopperId).page(Page.of(page, size)).list();
    }

    public Long id() {
        return id;
    }

    public String shopperId() {
        return shopperId;
    }

    public long points() {
        return points;
    }

    public String reason() {
        return reason;
    }

    public String reference() {
        return reference;
    }

    /** The order this entry is for, if any. */
    public Long orderId() {
        return orderId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
