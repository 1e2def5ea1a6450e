package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.PrizeTable.Slot;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A lottery: weighted prizes with their own stock, a budget in points-equivalent, a cost in points
 * per draw and a limit of draws per shopper, open from {@code startsAt} until {@code endsAt}.
 * Its secret seed is fixed at creation and only its hash (the commitment) is shown until the end;
 * then the seed is revealed and every draw can be recomputed ({@link LotteryProof}). Draws are
 * made one at a time under the campaign's row lock, so their sequence numbers are gapless.
 */
@Entity
public class LotteryCampaign extends PanacheEntityBase {

    /** Where a lottery stands at a moment. */
    public enum Phase { UPCOMING, OPEN, ENDED }

    /** What an operator decides when creating a lottery. */
    public record Terms(String name, Instant startsAt, Instant endsAt, long costPerDraw, int drawsPerShopper,
                        long budget, long noPrizeWeight, List<Prize.Terms> prizes) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private Instant startsAt;
    private Instant endsAt;
    private long costPerDraw;
    private int drawsPerShopper;
    private long budget;
    private long budgetUsed;
    private long noPrizeWeight;
    private byte[] seed;
    private String commitment;
    private long drawsMade;
    private String createdBy;
    private Instant createdAt;

    protected LotteryCampaign() {
    }

    /** A new lottery with its prizes, committed to {@code seed} (32 secret bytes) from this moment. */
    public static LotteryCampaign create(Terms terms, byte[] seed, String createdBy, Instant now) {
        if (!terms.endsAt().isAfter(terms.startsAt()) || !terms.endsAt().isAfter(now)) {
            throw new RuleViolation("lottery-window-invalid", "A lottery must end after it starts and after now");
        }
        if (terms.costPerDraw() < 0 || terms.drawsPerShopper() <= 0 || terms.budget() < 0 || terms.noPrizeWeight() < 0) {
            throw new RuleViolation("lottery-terms-invalid",
                    "Cost, budget and the weight of no prize cannot be negative; draws per shopper must be positive");
        }
        if (seed.length != DrawRandomness.SEED_BYTES) {
            throw new RuleViolation("lottery-seed-invalid", "A lottery's seed has " + DrawRandomness.SEED_BYTES + " bytes");
        }
        var campaign = new LotteryCampaign();
        campaign.name = terms.name();
        campaign.startsAt = terms.startsAt();
        campaign.endsAt = terms.endsAt();
        campaign.costPerDraw = terms.costPerDraw();
        campaign.drawsPerShopper = terms.drawsPerShopper();
        campaign.budget = terms.budget();
        campaign.noPrizeWeight = terms.noPrizeWeight();
        campaign.seed = seed.clone();
        campaign.commitment = DrawRandomness.commitmentOf(seed);
        campaign.createdBy = createdBy;
        campaign.createdAt = now;
        campaign.persist();
        Prize.createAll(campaign.id, terms.prizes());
        return campaign;
    }

    /** Locked until the transaction ends, so its draws are made one at a time. */
    public static Optional<LotteryCampaign> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static Optional<LotteryCampaign> byId(long id) {
        return findByIdOptional(id);
    }

    public static List<LotteryCampaign> newestFirst(int page, int size) {
        return findAll(Sort.descending("id")).page(Page.of(page, size)).list();
    }

    /**
     * Draw number {@code drawsMade + 1} by a shopper who has drawn {@code drawsByShopper} times so
     * far: refused outside the window or over the limit; otherwise its outcome comes from the seed
     * ({@link PrizeTable#draw}), and a prize won leaves the stock and the budget. The caller holds
     * the campaign's lock and passes all its prizes.
     */
    public LotteryDraw draw(String shopperId, List<Prize> prizes, long drawsByShopper, Instant now) {
        if (phaseAt(now) != Phase.OPEN) {
            throw new RuleViolation("lottery-not-open", "Lottery " + id + " is open from " + startsAt + " until "
                    + endsAt + "; it is " + phaseAt(now).name().toLowerCase() + " now");
        }
        if (drawsByShopper >= drawsPerShopper) {
            throw new RuleViolation("draw-limit-reached", "You have made all " + drawsPerShopper
                    + " draws this lottery allows");
        }
        long sequence = ++drawsMade;
        String participant = DrawRandomness.participantOf(seed, shopperId);
        Map<Long, Prize> byId = prizes.stream().collect(Collectors.toMap(Prize::id, Function.identity()));
        var pool = new PrizePool(prizes.stream().collect(Collectors.toMap(Prize::id, Prize::stockLeft)), budgetLeft());
        Optional<Prize> won = tableOf(prizes).draw(seed, id, sequence, participant, pool).map(slot -> byId.get(slot.prizeId()));
        won.ifPresent(prize -> {
            prize.award();
            budgetUsed += prize.value();
        });
        return LotteryDraw.record(id, sequence, shopperId, participant, won.map(Prize::id).orElse(null), now);
    }

    /** The proof of every draw, once the lottery has ended and its seed may be known. */
    public LotteryProof proof(List<Prize> prizes, List<LotteryDraw> draws, Instant now) {
        String revealed = revealedSeed(now).orElseThrow(() -> new RuleViolation("lottery-not-ended",
                "Lottery " + id + " ends at " + endsAt + "; its seed and proof are published then"));
        return new LotteryProof(id, name, startsAt, endsAt, costPerDraw, drawsPerShopper, budget, noPrizeWeight,
                commitment, revealed, prizes.stream().map(Prize::asProved).toList(),
                draws.stream().map(LotteryDraw::asProved).toList());
    }

    /** The seed in hex, once the lottery has ended; before that, only its commitment is known. */
    public Optional<String> revealedSeed(Instant now) {
        return phaseAt(now) == Phase.ENDED ? Optional.of(HexFormat.of().formatHex(seed)) : Optional.empty();
    }

    public Phase phaseAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return Phase.UPCOMING;
        }
        return now.isBefore(endsAt) ? Phase.OPEN : Phase.ENDED;
    }

    private PrizeTable tableOf(List<Prize> prizes) {
        for (Prize prize : prizes) {
            if (prize.campaignId() != id) {
                throw new RuleViolation("foreign-prize", "Prize " + prize.id() + " is not one of lottery " + id + "'s");
            }
        }
        List<Slot> slots = prizes.stream().sorted(Prize.IN_LISTED_ORDER).map(Prize::asSlot).toList();
        return new PrizeTable(slots, noPrizeWeight);
    }

    public long budgetLeft() {
        return budget - budgetUsed;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public long costPerDraw() {
        return costPerDraw;
    }

    public int drawsPerShopper() {
        return drawsPerShopper;
    }

    public long budget() {
        return budget;
    }

    public long noPrizeWeight() {
        return noPrizeWeight;
    }

    /** hex(SHA-256(seed)), public from the moment the lottery exists. */
    public String commitment() {
        return commitment;
    }

    public long drawsMade() {
        return drawsMade;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
