package io.quarkmall.loyalty.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.web.Paging;
import io.quarkmall.loyalty.domain.LotteryProof;
import io.quarkmall.loyalty.rest.LotteryViews.DrawView;
import io.quarkmall.loyalty.rest.LotteryViews.LotteryView;
import io.quarkmall.loyalty.rest.LotteryViews.MyDrawsView;
import io.quarkmall.loyalty.service.LotteryService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Lotteries as shoppers and the public see them: the odds and commitment, draws, and the proof after the end. */
@Path("/lotteries")
public class LotteryResource {

    private final LotteryService lotteries;
    private final JsonWebToken caller;

    LotteryResource(LotteryService lotteries, JsonWebToken caller) {
        this.lotteries = lotteries;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(summary = "Lotteries, newest first, with their prizes, odds, stock left and commitment (public)")
    public List<LotteryView> all(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return lotteries.lotteries(page, size).stream().map(LotteryView::of).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One lottery (public): prizes with weights and stock left, budget left, the commitment, "
            + "and the seed once it has ended; 404 if unknown")
    public LotteryView one(@PathParam("id") long id) {
        return LotteryView.of(lotteries.lottery(id));
    }

    @GET
    @Path("/{id}/proof")
    @PermitAll
    @Operation(summary = "The proof of an ended lottery (public): commitment, revealed seed, prizes as created, budget "
            + "and every draw in sequence (participant pseudonym, prize won), enough to recompute every outcome; "
            + "409 lottery-not-ended before the end, 404 if unknown")
    public LotteryProof proof(@PathParam("id") long id) {
        return lotteries.proof(id);
    }

    @POST
    @Path("/{id}/draws")
    @RolesAllowed("shopper")
    @Idempotent
    @Operation(summary = "Draw once (Idempotency-Key required: a retry returns the same draw). The cost is debited "
            + "from the caller's points and a points prize credited at once. 409 lottery-not-open before the start "
            + "or after the end, draw-limit-reached over the per-shopper limit, insufficient-points if the balance "
            + "is short; nothing changes then. 404 if unknown")
    @APIResponse(responseCode = "201", description = "The draw and what it won",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DrawView.class)))
    public Response draw(@PathParam("id") long id) {
        var drawn = lotteries.draw(caller.getSubject(), id);
        return Response.status(201).entity(DrawView.of(drawn.draw(), drawn.prize().orElse(null), drawn.pointsSpent()))
                .build();
    }

    @GET
    @Path("/{id}/draws/mine")
    @RolesAllowed("shopper")
    @Operation(summary = "The caller's draws of a lottery, in sequence, and how many draws are left to them; 404 if unknown")
    public MyDrawsView mine(@PathParam("id") long id) {
        var mine = lotteries.drawsOf(caller.getSubject(), id);
        var campaign = mine.lottery().campaign();
        var draws = mine.draws().stream()
                .map(d -> DrawView.of(d, mine.lottery().prize(d.prizeId()).orElse(null), campaign.costPerDraw())).toList();
        return new MyDrawsView(Math.max(0, campaign.drawsPerShopper() - draws.size()), draws);
    }
}
