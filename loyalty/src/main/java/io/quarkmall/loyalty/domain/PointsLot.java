package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/**
 * Points one credit brought, with the day they were earned and the day they expire. Spending takes
 * from the oldest lots first; a give-back returns points to the lots they came from.
 */
@Entity
public class PointsLot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    private long entryId;
    private long points;
    private long remaining;
    private Instant earnedAt;
    private Instant expiresAt;

    protected PointsLot() {
    }

    public static PointsLot opened(PointsLedgerEntry credit, Instant expiresAt) {
        var lot = new PointsLot();
        lot.shopperId = credit.shopperId();
        lot.entryId = credit.id();
        lot.points = credit.points();
        lot.remaining = credit.points();
        lot.earnedAt = credit.createdAt();
        lot.expiresAt = expiresAt;
        return lot;
    }

    /** The shopper's lots that still hold points, oldest first. */
    public static List<PointsLot> holding(String shopperId) {
        return list("shopperId = ?1 and remaining > 0", Sort.ascending("earnedAt", "id"), shopperId);
    }

    /** The shopper's lots that hold points but whose validity has ended by {@code now}. */
    public static List<PointsLot> due(String shopperId, Instant now) {
        return list("shopperId = ?1 and remaining > 0 and expiresAt <= ?2", Sort.ascending("id"), shopperId, now);
    }

    /** Shoppers who have lots due by {@code now}, at most {@code limit} of them. */
    public static List<String> shoppersWithLotsDue(Instant now, int limit) {
        return find("select distinct l.shopperId from PointsLot l where l.remaining > 0 and l.expiresAt <= ?1", now)
                .project(String.class).page(0, limit).list();
    }

    /** Points of the shopper's lots whose validity ended by {@code now} but that the expiry has not reached yet. */
    public static long dueBy(String shopperId, Instant now) {
        Long sum = find("select coalesce(sum(l.remaining), 0) from PointsLot l where l.shopperId = ?1"
                + " and l.remaining > 0 and l.expiresAt <= ?2", shopperId, now).project(Long.class).firstResult();
        return sum == null ? 0 : sum;
    }

    /** Points of the shopper's valid lots that expire before {@code until}. */
    public static long expiringBefore(String shopperId, Instant now, Instant until) {
        Long sum = find("select coalesce(sum(l.remaining), 0) from PointsLot l where l.shopperId = ?1"
                + " and l.remaining > 0 and l.expiresAt > ?2 and l.expiresAt <= ?3", shopperId, now, until)
                .project(Long.class).firstResult();
        return sum == null ? 0 : sum;
    }

    public void take(long taken) {
        if (taken <= 0 || taken > remaining) {
            throw new RuleViolation("lot-overdrawn", "Lot " + id + " holds " + remaining + " points, not " + taken + ".");
        }
        remaining -= taken;
    }

    public void putBack(long returned) {
        if (returned <= 0 || remaining + returned > points) {
            throw new RuleViolation("lot-overfilled", "Lot " + id + " of " + points + " points cannot take back " + returned + ".");
        }
        remaining += returned;
    }

    public boolean validAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    public Long id() {
        return id;
    }

    /** The credit that opened this lot. */
    public long entryId() {
        return entryId;
    }

    public long remaining() {
        return remaining;
    }

    public Instant earnedAt() {
        return earnedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
