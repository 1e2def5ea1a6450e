package io.quarkmall.loyalty.rest;

import io.quarkmall.loyalty.domain.LotteryCampaign;
import io.quarkmall.loyalty.domain.LotteryDraw;
import io.quarkmall.loyalty.domain.Prize;
import io.quarkmall.loyalty.domain.PrizeKind;
import io.quarkmall.loyalty.service.LotteryService.LotteryState;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How lotteries and draws look over HTTP. */
final class LotteryViews {

    private LotteryViews() {
    }

    @Schema(description = "A lottery. The commitment (hex SHA-256 of the secret seed) is shown from its creation, "
            + "the seed (hex, 32 bytes) only once it has ended. Budget and values are points-equivalent.")
    record LotteryView(long id, String name, Instant startsAt, Instant endsAt,
                       @Schema(enumeration = {"UPCOMING", "OPEN", "ENDED"}) String status,
                       long costPerDraw, int drawsPerShopper, long budget, long budgetLeft, long noPrizeWeight,
                       List<PrizeView> prizes, long draws, String commitment,
                       @Schema(nullable = true, description = "Null until the lottery has ended") String seed) {
        static LotteryView of(LotteryState state) {
            LotteryCampaign c = state.campaign();
            return new LotteryView(c.id(), c.name(), c.startsAt(), c.endsAt(), state.phase().name(), c.costPerDraw(),
                    c.drawsPerShopper(), c.budget(), c.budgetLeft(), c.noPrizeWeight(),
                    state.prizes().stream().map(PrizeView::of).toList(), c.drawsMade(), c.commitment(),
                    state.seed().orElse(null));
        }
    }

    @Schema(description = "A prize: its weight among the outcomes, its value (points credited for POINTS; "
            + "points-equivalent taken from the budget for every kind), its stock and what is left of it")
    record PrizeView(long id, String name, PrizeKind kind, long weight, long value, long stock, long stockLeft) {
        static PrizeView of(Prize p) {
            return new PrizeView(p.id(), p.name(), p.kind(), p.weight(), p.value(), p.initialStock(), p.stockLeft());
        }
    }

    @Schema(description = "A prize won")
    record PrizeWon(long id, String name, PrizeKind kind, long value) {
        static PrizeWon of(Prize p) {
            return new PrizeWon(p.id(), p.name(), p.kind(), p.value());
        }
    }

    @Schema(description = "One draw: its place in the lottery's sequence (find it in the proof after the end), "
            + "the prize won (null for none), the points it cost and the points it credited")
    record DrawView(long id, long lotteryId, long sequence, @Schema(nullable = true) PrizeWon prize, long pointsSpent,
                    long pointsWon, Instant drawnAt) {
        static DrawView of(LotteryDraw draw, Prize prize, long cost) {
            long won = prize != null && prize.kind() == PrizeKind.POINTS ? prize.value() : 0;
            return new DrawView(draw.id(), draw.campaignId(), draw.sequence(), prize == null ? null : PrizeWon.of(prize),
                    cost, won, draw.drawnAt());
        }
    }

    @Schema(description = "The caller's draws of a lottery and how many are left to them")
    record MyDrawsView(long drawsLeft, List<DrawView> draws) {}

    @Schema(description = "A winning draw as operators fulfil it: who won which prize")
    record WinnerView(long drawId, long sequence, String shopperId, PrizeWon prize, Instant drawnAt) {}
}
