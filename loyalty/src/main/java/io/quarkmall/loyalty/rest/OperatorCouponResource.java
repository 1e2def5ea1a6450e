package io.quarkmall.loyalty.rest;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.common.web.Paging;
import io.quarkmall.loyalty.domain.ClaimLimits;
import io.quarkmall.loyalty.domain.ConsoleScope;
import io.quarkmall.loyalty.domain.CouponScope;
import io.quarkmall.loyalty.domain.CouponTemplate;
import io.quarkmall.loyalty.domain.CouponTerms;
import io.quarkmall.loyalty.domain.Stacking;
import io.quarkmall.loyalty.domain.Validity;
import io.quarkmall.loyalty.rest.CouponViews.CouponView;
import io.quarkmall.loyalty.rest.CouponViews.TemplateView;
import io.quarkmall.loyalty.service.CouponTemplateService;
import io.quarkmall.loyalty.service.CouponTemplateService.TemplateSpec;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

/**
 * Coupon templates in the console: a merchant manages the templates it created, an admin every
 * template; another's template is 404. Field-level mistakes are 400; a template whose fields do
 * not fit together (a FIXED coupon without an amount, validTo before validFrom) is 422.
 */
@Path("/operator/coupon-templates")
@RolesAllowed({"merchant", "admin"})
public class OperatorCouponResource {

    /**
     * A new template. Amounts are minor units of {@code currency}: FIXED takes {@code amountOffMinor};
     * PERCENT takes {@code percentOffBasisPoints} (1550 = 15.5%) and an optional {@code capMinor};
     * THRESHOLD takes {@code amountOffMinor} once the covered lines reach {@code minSubtotalMinor}.
     * Valid from {@code validFrom} to {@code validTo}, or {@code validDaysAfterClaim} days from each claim.
     */
    public record TemplateRequest(
            @NotBlank @Size(max = CouponTemplate.MAX_NAME) String name,
            @NotNull CouponTerms.Kind kind,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency,
            @Positive @Max(MoneyRequest.MAX_MINOR) Long amountOffMinor,
            @Min(1) @Max(CouponTerms.WHOLE) Integer percentOffBasisPoints,
            @Positive @Max(MoneyRequest.MAX_MINOR) Long capMinor,
            @Positive @Max(MoneyRequest.MAX_MINOR) Long minSubtotalMinor,
            @NotNull CouponScope.Kind scope,
            @Size(max = CouponScope.MAX_TARGETS) List<@NotBlank @Size(max = 64) String> scopeTargets,
            Instant validFrom,
            Instant validTo,
            @Min(1) @Max(Validity.MAX_DAYS) Integer validDaysAfterClaim,
            @NotNull @Min(1) @Max(1_000_000) Integer perShopperLimit,
            @NotNull @Min(1) @Max(100_000_000) Integer totalLimit,
            boolean stackable,
            @Size(max = 40) String exclusiveGroup) {}

    /** The shopper (the subject of their token) to issue a coupon to. */
    public record IssueRequest(@NotBlank @Size(max = 200) String shopperId) {}

    @Inject
    JsonWebToken caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    CouponTemplateService templates;
    @Inject
    Clock clock;

    @POST
    @Operation(summary = "Create an ACTIVE coupon template (Idempotency-Key required); 400 for a field out of range "
            + "(a negative amount, over 10000 basis points), 422 for fields that do not fit together (validTo not after "
            + "validFrom, an amount the kind does not take, both or neither of a window and validDaysAfterClaim)")
    @APIResponse(responseCode = "201", description = "The template; a replay of the same Idempotency-Key returns it again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateView.class)))
    @Idempotent
    public Response create(@NotNull @Valid TemplateRequest request) {
        var template = templates.create(caller.getSubject(), spec(request));
        return Response.status(201).entity(TemplateView.forConsole(template)).build();
    }

    @GET
    @Operation(summary = "The templates the caller manages, newest first, optionally only those in one status "
            + "(ACTIVE, PAUSED, ENDED; 400 for another)")
    public List<TemplateView> list(@QueryParam("status") CouponTemplate.Status status,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return scope().templates(Optional.ofNullable(status), page, size).stream().map(TemplateView::forConsole).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One template the caller manages, with how many coupons it has handed out; 404 for another's")
    public TemplateView one(@PathParam("id") long id) {
        return scope().template(id).map(TemplateView::forConsole).orElseThrow(() -> ProblemException.notFound("Coupon template " + id));
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause an ACTIVE template: shoppers can no longer claim it, the operator can still issue it "
            + "(Idempotency-Key required; 409 if it is not ACTIVE)")
    @Idempotent
    public Response pause(@PathParam("id") long id) {
        return Response.ok(TemplateView.forConsole(templates.pause(scope(), id))).build();
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a PAUSED template (Idempotency-Key required; 409 if it is not PAUSED)")
    @Idempotent
    public Response resume(@PathParam("id") long id) {
        return Response.ok(TemplateView.forConsole(templates.resume(scope(), id))).build();
    }

    @POST
    @Path("/{id}/end")
    @Operation(summary = "End a template for good: no coupon is claimed or issued from it again; coupons already handed "
            + "out stay valid until they expire (Idempotency-Key required; 409 if it has ended)")
    @Idempotent
    public Response end(@PathParam("id") long id) {
        return Response.ok(TemplateView.forConsole(templates.end(scope(), id))).build();
    }

    @POST
    @Path("/{id}/issues")
    // Only JSON: a record of one String could otherwise be read from a text/plain body, which answers
    // an empty body with a bare 400 instead of a problem.
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a coupon of an ACTIVE or PAUSED template to a shopper, within the template's limits "
            + "(Idempotency-Key required; 409 if it has ended or run out, or the shopper holds their limit)")
    @APIResponse(responseCode = "201", description = "The coupon now in the shopper's wallet",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CouponView.class)))
    @Idempotent
    public Response issue(@PathParam("id") long id, @NotNull @Valid IssueRequest request) {
        var coupon = templates.issue(scope(), id, request.shopperId().strip());
        return Response.status(201).entity(CouponView.of(coupon, clock.instant())).build();
    }

    private ConsoleScope scope() {
        return new ConsoleScope(caller.getSubject(), identity.hasRole("admin"));
    }

    /** The request as the domain's parts; parts whose fields do not fit together are a 422. */
    private static TemplateSpec spec(TemplateRequest r) {
        try {
            var terms = new CouponTerms(r.kind(), r.currency(), orZero(r.amountOffMinor()),
                    r.percentOffBasisPoints() == null ? 0 : r.percentOffBasisPoints(), r.capMinor(), orZero(r.minSubtotalMinor()));
            return new TemplateSpec(r.name(), terms, new CouponScope(r.scope(), r.scopeTargets()),
                    new Validity(r.validFrom(), r.validTo(), r.validDaysAfterClaim()),
                    new ClaimLimits(r.perShopperLimit(), r.totalLimit()), new Stacking(r.stackable(), r.exclusiveGroup()));
        } catch (RuleViolation e) {
            throw new ProblemException(Problem.of(e.type(), "Invalid coupon template", 422, e.getMessage()));
        }
    }

    private static long orZero(Long minor) {
        return minor == null ? 0 : minor;
    }
}
