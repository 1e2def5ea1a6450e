package io.quarkmall.loyalty.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.web.Paging;
import io.quarkmall.loyalty.domain.LotteryCampaign;
import io.quarkmall.loyalty.domain.Prize;
import io.quarkmall.loyalty.domain.PrizeKind;
import io.quarkmall.loyalty.rest.LotteryViews.LotteryView;
import io.quarkmall.loyalty.rest.LotteryViews.PrizeWon;
import io.quarkmall.loyalty.rest.LotteryViews.WinnerView;
import io.quarkmall.loyalty.service.LotteryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Lotteries as operators (the realm's admins) run them: creating one, and the winners to fulfil. */
@Path("/operator/lotteries")
@RolesAllowed("admin")
public class OperatorLotteryResource {

    private static final long MAX_AMOUNT = 1_000_000_000L;

    @Schema(description = "A new lottery. Budget and prize values are points-equivalent; a weight of no prize of 0 "
            + "means every draw lands on a prize (which is still not given if out of stock or over the budget)")
    public record NewLottery(@NotBlank @Size(max = 200) String name,
                             @NotNull Instant startsAt,
                             @NotNull Instant endsAt,
                             @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long costPerDraw,
                             @NotNull @Positive @Max(1_000_000) Integer drawsPerShopper,
                             @NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long budget,
                             @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long noPrizeWeight,
                             @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid NewPrize> prizes) {

        @JsonIgnore
        @AssertTrue(message = "endsAt must be after startsAt")
        public boolean isEndsAfterStart() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }

        LotteryCampaign.Terms terms() {
            return new LotteryCampaign.Terms(name, startsAt, endsAt, costPerDraw, drawsPerShopper, budget, noPrizeWeight,
                    prizes.stream().map(NewPrize::terms).toList());
        }
    }

    @Schema(description = "A prize of a new lottery: value in points-equivalent (the points credited for POINTS)")
    public record NewPrize(@NotBlank @Size(max = 200) String name,
                           @NotNull PrizeKind kind,
                           @NotNull @Positive @Max(MAX_AMOUNT) Long weight,
                           @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long stock,
                           @NotNull @Positive @Max(MAX_AMOUNT) Long value) {
        Prize.Terms terms() {
            return new Prize.Terms(name, kind, weight, stock, value);
        }
    }

    private final LotteryService lotteries;
    private final JsonWebToken caller;

    OperatorLotteryResource(LotteryService lotteries, JsonWebToken caller) {
        this.lotteries = lotteries;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @Operation(summary = "Create a lottery (Idempotency-Key required): its secret seed is drawn now and only its "
            + "SHA-256 commitment is shown until the end. 400 for invalid terms (no prizes, a weight of zero or less, "
            + "a negative stock, cost or budget, an end not after the start), 422 lottery-ends-in-the-past")
    @APIResponse(responseCode = "201", description = "The lottery with its commitment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LotteryView.class)))
    public Response create(@Valid @NotNull NewLottery lottery) {
        return Response.status(201).entity(LotteryView.of(lotteries.create(caller.getSubject(), lottery.terms()))).build();
    }

    @GET
    @Path("/{id}/winners")
    @Operation(summary = "The draws of a lottery that won a prize, in sequence, with the shopper and the prize: "
            + "ITEM and VIRTUAL prizes are fulfilled from this list (POINTS were credited at the draw); 404 if unknown")
    public List<WinnerView> winners(@PathParam("id") long id,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var winners = lotteries.winners(id, page, size);
        return winners.draws().stream().map(d -> new WinnerView(d.id(), d.sequence(), d.shopperId(),
                PrizeWon.of(winners.lottery().prize(d.prizeId()).orElseThrow()), d.drawnAt())).toList();
    }
}
