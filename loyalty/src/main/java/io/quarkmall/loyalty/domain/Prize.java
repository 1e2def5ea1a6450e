package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One prize of a lottery: its weight among the lottery's outcomes, its stock, and its value in
 * points-equivalent (what it takes from the lottery's budget; for a POINTS prize, the points credited).
 */
@Entity
@Table(name = "lottery_prize")
public class Prize extends PanacheEntityBase {

    /** A prize as the operator describes it. */
    public record Terms(String name, PrizeKind kind, long weight, long stock, long value) {}

    /** The order the operator listed the prizes in: the order of their stretches in the {@link PrizeTable}. */
    public static final Comparator<Prize> IN_LISTED_ORDER = Comparator.comparingInt(prize -> prize.position);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private int position;
    private String name;
    @Enumerated(EnumType.STRING)
    private PrizeKind kind;
    private long weight;
    private long value;
    private long initialStock;
    private long awarded;

    protected Prize() {
    }

    static List<Prize> createAll(long campaignId, List<Terms> terms) {
        if (terms.isEmpty()) {
            throw new RuleViolation("lottery-without-prizes", "A lottery needs at least one prize");
        }
        var prizes = new ArrayList<Prize>();
        for (int i = 0; i < terms.size(); i++) {
            Terms t = terms.get(i);
            if (t.weight() <= 0 || t.stock() < 0 || t.value() <= 0) {
                throw new RuleViolation("prize-terms-invalid", "Prize " + t.name()
                        + " needs a positive weight and value and a stock of zero or more");
            }
            var prize = new Prize();
            prize.campaignId = campaignId;
            prize.position = i;
            prize.name = t.name();
            prize.kind = t.kind();
            prize.weight = t.weight();
            prize.value = t.value();
            prize.initialStock = t.stock();
            prize.persist();
            prizes.add(prize);
        }
        return prizes;
    }

    /** The lottery's prizes in the order they were listed. */
    public static List<Prize> ofCampaign(long campaignId) {
        return list("campaignId", Sort.ascending("position"), campaignId);
    }

    /** The prizes of several lotteries, each lottery's in listed order. */
    public static List<Prize> ofCampaigns(Collection<Long> campaignIds) {
        return list("campaignId in ?1", Sort.ascending("campaignId", "position"), campaignIds);
    }

    /** One unit leaves the stock; the caller holds the lottery's lock. */
    void award() {
        if (stockLeft() <= 0) {
            throw new RuleViolation("prize-out-of-stock", "Prize " + id + " has no stock left");
        }
        awarded++;
    }

    PrizeTable.Slot asSlot() {
        return new PrizeTable.Slot(id, weight, value);
    }

    LotteryProof.ProvedPrize asProved() {
        return new LotteryProof.ProvedPrize(id, name, kind, weight, value, initialStock);
    }

    public long stockLeft() {
        return initialStock - awarded;
    }

    public Long id() {
        return id;
    }

    public long campaignId() {
        return campaignId;
    }

    public String name() {
        return name;
    }

    public PrizeKind kind() {
        return kind;
    }

    public long weight() {
        return weight;
    }

    public long value() {
        return value;
    }

    public long initialStock() {
        return initialStock;
    }

    public long awarded() {
        return awarded;
    }
}
