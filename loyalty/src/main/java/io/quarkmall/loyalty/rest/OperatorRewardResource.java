package io.quarkmall.loyalty.rest;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.common.web.Paging;
import io.quarkmall.loyalty.domain.ConsoleScope;
import io.quarkmall.loyalty.domain.Reward;
import io.quarkmall.loyalty.rest.RewardResource.RewardView;
import io.quarkmall.loyalty.service.RewardService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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

/** Rewards in the console: a merchant manages those it offered, an admin every one; another's is 404. */
@Path("/operator/rewards")
@RolesAllowed({"merchant", "admin"})
public class OperatorRewardResource {

    /** A COUPON reward names a coupon template the caller manages; a VOUCHER reward none. */
    public record OfferRequest(
            @NotBlank @Size(max = Reward.MAX_NAME) String name,
            @Size(max = 500) String description,
            @NotNull Reward.Kind kind,
            @Positive Long couponTemplateId,
            @NotNull @Positive @Max(100_000_000) Long pointsCost,
            @NotNull @Min(0) @Max(10_000_000) Integer stock,
            @NotNull @Min(1) @Max(1_000) Integer perShopperLimit) {}

    /** The console's view: the operator sees what was redeemed too. */
    public record OperatorRewardView(RewardView reward, int stock, String status, Long couponTemplateId) {
        static OperatorRewardView of(Reward r) {
            return new OperatorRewardView(RewardView.of(r), r.stock(), r.status().name(), r.couponTemplateId());
        }
    }

    @Inject
    JsonWebToken caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    RewardService rewards;

    @POST
    @Operation(summary = "Offer a reward for points (Idempotency-Key required): 201; 400 for a field out of range; 422 "
            + "reward-kind-mismatch when a COUPON reward names no template or a VOUCHER names one; 404 for a coupon "
            + "template the caller does not manage")
    @Idempotent
    public Response offer(@NotNull @Valid OfferRequest request) {
        return Response.status(201).entity(OperatorRewardView.of(rewards.offer(scope(), offerOf(request)))).build();
    }

    /** The request as the domain's offer; fields that do not fit together are a 422. */
    private static Reward.Offer offerOf(OfferRequest request) {
        try {
            return new Reward.Offer(request.name(), request.description() == null ? "" : request.description(),
                    request.kind(), request.couponTemplateId(), request.pointsCost(), request.stock(),
                    request.perShopperLimit());
        } catch (RuleViolation e) {
            throw new ProblemException(Problem.of(e.type(), "Invalid reward", 422, e.getMessage()));
        }
    }

    @GET
    @Operation(summary = "The rewards the caller manages, newest first")
    public List<OperatorRewardView> managed(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Reward.managedBy(caller.getSubject(), identity.hasRole("admin"), page, size).stream()
                .map(OperatorRewardView::of).toList();
    }

    @POST
    @Path("/{id}/end")
    @Operation(summary = "Stop offering a reward (Idempotency-Key required); what was redeemed stays redeemed")
    @Idempotent
    public Response end(@PathParam("id") long id) {
        return Response.ok(OperatorRewardView.of(rewards.end(scope(), id))).build();
    }

    private ConsoleScope scope() {
        return new ConsoleScope(caller.getSubject(), identity.hasRole("admin"));
    }
}
