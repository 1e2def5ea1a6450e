package io.quarkmall.pay.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.web.Paging;
import io.quarkmall.pay.domain.risk.ReviewDecided;
import io.quarkmall.pay.domain.risk.ReviewStatus;
import io.quarkmall.pay.domain.risk.RiskAssessment;
import io.quarkmall.pay.domain.risk.RuleHit;
import io.quarkmall.pay.service.RiskService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

/** The console's queue of payments risk control held: operators (the realm's admins) approve or decline them. */
@Path("/admin/risk/reviews")
@RolesAllowed("admin")
public class RiskReviewResource {

    @Schema(description = "An operator's decision on a held payment: approve charges it, decline refuses it")
    public record Decision(@NotNull Boolean approve, @Size(max = 1000) String note) {}

    @Schema(description = "A payment held for review, with the score, the rules that found something and why")
    public record ReviewView(long id, long orderId, String shopperId, Money amount, String channel, String deviceId,
                             String payerFingerprint, String shippingRegion, String billingRegion, Instant attemptedAt,
                             int score, String decision, List<RuleHit> hits, String explanation, String status,
                             String decidedBy, String note, Instant decidedAt) {
        static ReviewView of(RiskAssessment a) {
            return new ReviewView(a.id(), a.orderId(), a.shopperId(), a.amount(), a.channel(), a.deviceId(),
                    a.payerFingerprint(), a.shippingRegion(), a.billingRegion(), a.attemptedAt(), a.score(),
                    a.decision().name(), a.hits(), a.verdict().explanation(), a.reviewStatus().name(), a.reviewedBy(),
                    a.reviewNote(), a.reviewedAt());
        }
    }

    @Schema(description = "The decision taken")
    public record DecisionView(long reviewId, long orderId, boolean approved, String decidedBy, String note,
                               Instant decidedAt) {
        static DecisionView of(ReviewDecided d) {
            return new DecisionView(d.reviewId(), d.orderId(), d.approved(), d.operator(), d.note(), d.decidedAt());
        }
    }

    private final RiskService risk;
    private final JsonWebToken caller;

    RiskReviewResource(RiskService risk, JsonWebToken caller) {
        this.risk = risk;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Held payments in a status (OPEN, the default: the queue, oldest first; APPROVED or DECLINED: "
            + "most recently decided first); 400 for another status")
    public List<ReviewView> reviews(@QueryParam("status") @DefaultValue("OPEN") ReviewStatus status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return risk.reviews(status, page, size).stream().map(ReviewView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One held payment with the explanation of its score; 404 if there is no such review")
    public ReviewView review(@PathParam("id") long id) {
        return ReviewView.of(risk.review(id));
    }

    @POST
    @Path("/{id}/decision")
    @Idempotent
    @Operation(summary = "Approve or decline a held payment (Idempotency-Key required), once: 404 if there is no such "
            + "review, 409 review-already-decided if it was decided already (by anybody)")
    @APIResponse(responseCode = "200", description = "The decision taken",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DecisionView.class)))
    public Response decide(@PathParam("id") long id, @NotNull @Valid Decision decision) {
        var decided = risk.decide(id, caller.getSubject(), decision.approve(), decision.note());
        return Response.ok(DecisionView.of(decided)).build();
    }
}
