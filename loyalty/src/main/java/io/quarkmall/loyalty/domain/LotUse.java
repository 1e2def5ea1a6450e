package io.quarkmall.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** What one ledger entry took from (negative) or put back into (positive) one lot. */
@Entity
@Table(name = "points_lot_use")
public class LotUse extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long entryId;
    private long lotId;
    private long points;

    protected LotUse() {
    }

    public static LotUse of(PointsLedgerEntry entry, PointsLot lot, long points) {
        var use = new LotUse();
        use.entryId = entry.id();
        use.lotId = lot.id();
        use.points = points;
        return use;
    }

    public static List<LotUse> ofEntries(List<Long> entryIds) {
        return entryIds.isEmpty() ? List.of() : list("entryId in ?1", entryIds);
    }

    public long entryId() {
        return entryId;
    }

    public long lotId() {
        return lotId;
    }

    public long points() {
        return points;
    }
}
