package io.quarkmall.loyalty.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.web.Paging;
import io.quarkmall.loyalty.domain.Reward;
import io.quarkmall.loyalty.domain.RewardRedemption;
import io.quarkmall.loyalty.service.RewardService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** The points mall's virtual goods: what can be redeemed, redeeming one, and the caller's redemptions. */
@Path("/rewards")
public class RewardResource {

    /** A reward as shoppers see it: {@code left} is its remaining stock. */
    public record RewardView(long id, String name, String description, String kind, long pointsCost, int left,
                             int perShopperLimit) {
        static RewardView of(Reward r) {
            return new RewardView(r.id(), r.name(), r.description(), r.kind().name(), r.pointsCost(), r.left(),
                    r.perShopperLimit());
        }
    }

    /** What the shopper was handed: the coupon now in their wallet, or a voucher code. */
    public record RedemptionView(long id, long rewardId, long points, Long couponId, String code, Instant redeemedAt) {
        static RedemptionView of(RewardRedemption r) {
            return new RedemptionView(r.id(), r.rewardId(), r.points(), r.couponId(), r.code(), r.createdAt());
        }
    }

    @Inject
    JsonWebToken caller;
    @Inject
    RewardService rewards;

    @GET
    @PermitAll
    @Operation(summary = "Rewards that can be redeemed with points now (public), cheapest first")
    public List<RewardView> active(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Reward.active(page, size).stream().map(RewardView::of).toList();
    }

    @POST
    @Path("/{id}/redemptions")
    @RolesAllowed("shopper")
    @Operation(summary = "Redeem a reward with points (Idempotency-Key required: a replay returns the same redemption); "
            + "its coupon lands in the wallet or its voucher code is in the answer at once. 404 unknown reward; 409 "
            + "reward-ended, reward-sold-out, reward-limit-reached (per shopper) or insufficient-points, with nothing changed")
    @APIResponse(responseCode = "201", description = "The redemption and what was handed over",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RedemptionView.class)))
    @Idempotent
    public Response redeem(@PathParam("id") long id) {
        return Response.status(201).entity(RedemptionView.of(rewards.redeem(caller.getSubject(), id))).build();
    }

    @GET
    @Path("/redemptions/me")
    @RolesAllowed("shopper")
    @Operation(summary = "The caller's redemptions, newest first, with their coupons and voucher codes")
    public List<RedemptionView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return RewardRedemption.of(caller.getSubject(), page, size).stream().map(RedemptionView::of).toList();
    }
}
