package io.quarkmall.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A shopper's check-in of one day (in the mall's check-in time zone): at most one per shopper and day. */
@Entity
public class CheckIn extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    private LocalDate day;
    private int streak;
    private long points;
    private Instant checkedInAt;

    protected CheckIn() {
    }

    /**
     * Records the reward as the shopper's check-in of its day; false if they already have one. Of
     * concurrent check-ins of one shopper and day the unique index lets one in; the others wait for
     * it to commit and then insert nothing.
     */
    public static boolean recordOnce(String shopperId, CheckInPolicy.Reward reward, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO check_in (shopper_id, day, streak, points, checked_in_at) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (shopper_id, day) DO NOTHING""")
                .setParameter(1, shopperId).setParameter(2, reward.day()).setParameter(3, reward.streak())
                .setParameter(4, reward.points()).setParameter(5, now)
                .executeUpdate() == 1;
    }

    /** The shopper's latest check-in on or before {@code day}, if any. */
    public static Optional<CheckInPolicy.Reward> latestOf(String shopperId, LocalDate day) {
        return find("shopperId = ?1 and day <= ?2", Sort.descending("day"), shopperId, day).<CheckIn>firstResultOptional()
                .map(checkIn -> new CheckInPolicy.Reward(checkIn.day, checkIn.streak, checkIn.points));
    }

    public static long countOf(String shopperId, LocalDate day) {
        return count("shopperId = ?1 and day = ?2", shopperId, day);
    }
}
