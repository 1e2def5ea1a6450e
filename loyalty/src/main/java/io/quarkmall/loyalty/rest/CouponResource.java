package io.quarkmall.loyalty.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.common.web.Paging;
import io.quarkmall.loyalty.domain.Coupon;
import io.quarkmall.loyalty.domain.CouponPolicy;
import io.quarkmall.loyalty.domain.CouponQuote;
import io.quarkmall.loyalty.domain.CouponTemplate;
import io.quarkmall.loyalty.rest.CouponViews.CouponView;
import io.quarkmall.loyalty.rest.CouponViews.TemplateView;
import io.quarkmall.loyalty.service.CouponCheckoutService;
import io.quarkmall.loyalty.service.CouponTemplateService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A shopper's coupons: the templates to claim from, claiming, the wallet, and the quote at checkout. */
@Path("/coupons")
@RolesAllowed("shopper")
public class CouponResource {

    /** One cart line; {@code categoryId} if the caller knows it (a CATEGORY coupon covers only lines that carry it). */
    public record LineRequest(@NotBlank @Size(max = 64) String sku, @Size(max = 64) String categoryId,
                              @Min(1) @Max(999) int quantity, @NotNull @Valid MoneyRequest unitPrice) {}

    /** The cart and the caller's coupons to weigh, in the order they should apply. */
    public record QuoteRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid LineRequest> lines,
                               @NotNull @Size(max = 20) List<@NotNull @Positive Long> couponIds) {}

    @Inject
    JsonWebToken caller;
    @Inject
    CouponTemplateService templates;
    @Inject
    CouponCheckoutService checkout;
    @Inject
    Clock clock;

    @GET
    @Path("/templates")
    @Operation(summary = "Coupon templates a shopper can claim now (ACTIVE, not run out, window not over), newest first")
    public List<TemplateView> claimable(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return CouponTemplate.claimable(clock.instant(), page, size).stream().map(TemplateView::forShoppers).toList();
    }

    @POST
    @Path("/templates/{id}/claims")
    @Operation(summary = "Claim a coupon of an ACTIVE template into the caller's wallet (Idempotency-Key required: a "
            + "replay returns the same coupon); 404 for an unknown template; 409 if it is paused or ended "
            + "(coupon-template-not-active), its window is over, it has run out (coupon-template-sold-out) or the caller "
            + "holds the per-shopper limit (coupon-limit-reached)")
    @APIResponse(responseCode = "201", description = "The claimed coupon",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CouponView.class)))
    @Idempotent
    public Response claim(@PathParam("id") long id) {
        var coupon = templates.claim(caller.getSubject(), id);
        return Response.status(201).entity(CouponView.of(coupon, clock.instant())).build();
    }

    @GET
    @Path("/me")
    @Operation(summary = "The caller's coupons, newest first, optionally only those in one state: AVAILABLE, USED "
            + "(with the order) or EXPIRED (400 for another)")
    public List<CouponView> wallet(@QueryParam("state") Coupon.State state,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Instant now = clock.instant();
        return Coupon.wallet(caller.getSubject(), Optional.ofNullable(state), now, page, size).stream()
                .map(c -> CouponView.of(c, now)).toList();
    }

    @POST
    @Path("/quote")
    @Operation(summary = "What the chosen coupons take off a cart, computed by the server and explained line by line; "
            + "it changes nothing. Coupons apply in the order given; each one that does not (expired, used, out of "
            + "scope, below its threshold, does not stack...) is listed under notApplied with its reason. "
            + "Idempotency-Key required, as on every POST: send a new key for each quote (the same key with the same "
            + "body replays the first answer, with another body is 422). 409 coupon-not-yours for a coupon that is "
            + "not in the caller's wallet (another's, or none); 422 mixed-currencies for lines in several currencies")
    @APIResponse(responseCode = "200", description = "The quote: totals, each line's discount, each applied coupon's "
            + "amount split over its lines with why, and why each other coupon does not apply",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CouponQuote.class)))
    @Idempotent
    public Response quote(@NotNull @Valid QuoteRequest request) {
        if (request.couponIds().stream().distinct().count() != request.couponIds().size()) {
            throw new ProblemException(Problem.invalid("Each coupon can be chosen once.",
                    List.of(new Problem.Violation("couponIds", "must not repeat a coupon"))));
        }
        var lines = request.lines().stream().map(l -> new CouponPolicy.Line(l.sku(), l.categoryId(), l.quantity(),
                l.unitPrice().toMoney())).toList();
        return Response.ok(checkout.quote(caller.getSubject(), lines, request.couponIds())).build();
    }
}
