package io.quarkmall.loyalty.service;

import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.loyalty.domain.DrawRandomness;
import io.quarkmall.loyalty.domain.LotteryCampaign;
import io.quarkmall.loyalty.domain.LotteryCampaign.Phase;
import io.quarkmall.loyalty.domain.LotteryDraw;
import io.quarkmall.loyalty.domain.LotteryProof;
import io.quarkmall.loyalty.domain.Prize;
import io.quarkmall.loyalty.domain.PrizeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lotteries: operators create them (the seed is drawn and committed to at once), shoppers draw
 * (the cost debited and a points prize credited through the ledger, in the draw's transaction),
 * and anyone reads them and, after the end, their proof.
 */
@ApplicationScoped
public class LotteryService {

    /** The ledger reason of a draw's cost; the reference is "draw:&lt;draw id&gt;". */
    public static final String DRAW_REASON = "LOTTERY_DRAW";
    /** The ledger reason of a points prize; the reference is "draw:&lt;draw id&gt;". */
    public static final String PRIZE_REASON = "LOTTERY_PRIZE";

    /** A lottery as it stands now: the seed only once it has ended. */
    public record LotteryState(LotteryCampaign campaign, List<Prize> prizes, Phase phase, Optional<String> seed) {
        public Optional<Prize> prize(Long prizeId) {
            return prizes.stream().filter(prize -> prize.id().equals(prizeId)).findFirst();
        }
    }

    /** One draw and what it won, if anything. */
    public record Drawn(LotteryDraw draw, Optional<Prize> prize, long pointsSpent) {}

    /** Some of a lottery's draws, with the lottery they belong to. */
    public record Draws(LotteryState lottery, List<LotteryDraw> draws) {}

    private final Clock clock;
    private final PointsLedger ledger;

    LotteryService(Clock clock, PointsLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
    }

    /** A new lottery, committed from now to a fresh secret seed. 422 if it would end before now. */
    @Transactional
    public LotteryState create(String operatorId, LotteryCampaign.Terms terms) {
        Instant now = clock.instant();
        if (!terms.endsAt().isAfter(now)) {
            throw new ProblemException(Problem.of("lottery-ends-in-the-past", "Lottery ends in the past", 422,
                    "A lottery must end after now; endsAt " + terms.endsAt() + " has passed."));
        }
        var campaign = LotteryCampaign.create(terms, DrawRandomness.newSeed(), operatorId, now);
        return stateOf(campaign, now);
    }

    /**
     * One draw, made while holding the lottery's row lock so draws are numbered without gaps. The
     * cost is debited and a points prize credited in this transaction: if the shopper has too few
     * points (409 insufficient-points), is over the limit (409 draw-limit-reached) or the lottery is
     * not open (409 lottery-not-open), nothing is drawn and nothing changes.
     */
    @Transactional
    public Drawn draw(String shopperId, long lotteryId) {
        var campaign = LotteryCampaign.lock(lotteryId).orElseThrow(() -> notFound(lotteryId));
        List<Prize> prizes = Prize.ofCampaign(lotteryId);
        LotteryDraw draw = campaign.draw(shopperId, prizes, LotteryDraw.countOf(lotteryId, shopperId), clock.instant());
        String reference = "draw:" + draw.id();
        if (campaign.costPerDraw() > 0) {
            ledger.debit(shopperId, campaign.costPerDraw(), DRAW_REASON, reference);
        }
        Optional<Prize> won = prizes.stream().filter(prize -> prize.id().equals(draw.prizeId())).findFirst();
        won.filter(prize -> prize.kind() == PrizeKind.POINTS)
                .ifPresent(prize -> ledger.credit(shopperId, prize.value(), PRIZE_REASON, reference));
        return new Drawn(draw, won, campaign.costPerDraw());
    }

    public LotteryState lottery(long lotteryId) {
        return stateOf(LotteryCampaign.byId(lotteryId).orElseThrow(() -> notFound(lotteryId)), clock.instant());
    }

    /** Lotteries, newest first. */
    public List<LotteryState> lotteries(int page, int size) {
        Instant now = clock.instant();
        List<LotteryCampaign> campaigns = LotteryCampaign.newestFirst(page, size);
        Map<Long, List<Prize>> prizes = campaigns.isEmpty() ? Map.of()
                : Prize.ofCampaigns(campaigns.stream().map(LotteryCampaign::id).toList()).stream()
                        .collect(Collectors.groupingBy(Prize::campaignId));
        return campaigns.stream().map(c -> new LotteryState(c, prizes.getOrDefault(c.id(), List.of()), c.phaseAt(now),
                c.revealedSeed(now))).toList();
    }

    /** The proof of every draw: 409 lottery-not-ended before the end. */
    public LotteryProof proof(long lotteryId) {
        var campaign = LotteryCampaign.byId(lotteryId).orElseThrow(() -> notFound(lotteryId));
        return campaign.proof(Prize.ofCampaign(lotteryId), LotteryDraw.ofCampaign(lotteryId), clock.instant());
    }

    /** One shopper's draws of a lottery, in sequence. */
    public Draws drawsOf(String shopperId, long lotteryId) {
        return new Draws(lottery(lotteryId), LotteryDraw.ofShopper(lotteryId, shopperId));
    }

    /** The draws that won a prize, in sequence: what operators fulfil. */
    public Draws winners(long lotteryId, int page, int size) {
        return new Draws(lottery(lotteryId), LotteryDraw.wins(lotteryId, page, size));
    }

    private static LotteryState stateOf(LotteryCampaign campaign, Instant now) {
        return new LotteryState(campaign, Prize.ofCampaign(campaign.id()), campaign.phaseAt(now), campaign.revealedSeed(now));
    }

    private static ProblemException notFound(long lotteryId) {
        return ProblemException.notFound("Lottery " + lotteryId);
    }
}
