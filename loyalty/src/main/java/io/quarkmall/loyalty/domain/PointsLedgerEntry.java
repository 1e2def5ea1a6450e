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

/** One credit (positive) or debit (negative) of a shopper's points. Entries are never changed. */
@Entity
public class PointsLedgerEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    private long points;
    private String reason;
    private Long orderId;
    private Instant createdAt;

    protected PointsLedgerEntry() {
    }

    /** The reason of the credit for a paid order: at most one per order. */
    public static final String EARNED_FOR_ORDER = "EARNED_FOR_ORDER";

    /** Points a paid order earned; never twice for one order (a unique index says so too). */
    public static PointsLedgerEntry earned(String shopperId, long orderId, long points, Instant now) {
        var entry = new PointsLedgerEntry();
        entry.shopperId = shopperId;
        entry.orderId = orderId;
        entry.points = points;
        entry.reason = EARNED_FOR_ORDER;
        entry.createdAt = now;
        entry.persist();
        return entry;
    }

    /** The reason of the debit that takes back a refunded order's points: at most one per order. */
    public static final String REVERSED_FOR_REFUND = "REVERSED_FOR_REFUND";

    /** Takes back the points {@code earned} gave, for the same shopper and order. */
    public static PointsLedgerEntry reversal(PointsLedgerEntry earned, Instant now) {
        var entry = new PointsLedgerEntry();
        entry.shopperId = earned.shopperId;
        entry.orderId = earned.orderId;
        entry.points = -earned.points;
        entry.reason = REVERSED_FOR_REFUND;
        entry.createdAt = now;
        entry.persist();
        return entry;
    }

    public static Optional<PointsLedgerEntry> of(long orderId, String reason) {
        return find("orderId = ?1 and reason = ?2", orderId, reason).firstResultOptional();
    }

    public String shopperId() {
        return shopperId;
    }

    public static boolean earnedFor(long orderId) {
        return count("orderId = ?1 and reason = ?2", orderId, EARNED_FOR_ORDER) > 0;
    }

    /** The balance is derived from the ledger, never stored beside it, so the two cannot disagree. */
    public static long balanceOf(String shopperId) {
        Long sum = find("select coalesce(sum(e.points), 0) from PointsLedgerEntry e where e.shopperId = ?1", shopperId)
                .project(Long.class).firstResult();
        return sum == null ? 0 : sum;
    }

    public static List<PointsLedgerEntry> recent(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt"), shopperId).page(Page.of(page, size)).list();
    }

    public Long id() {
        return id;
    }

    public long points() {
        return points;
    }

    public String reason() {
        return reason;
    }

    /** The order this entry is for, if any. */
    public Long orderId() {
        return orderId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
