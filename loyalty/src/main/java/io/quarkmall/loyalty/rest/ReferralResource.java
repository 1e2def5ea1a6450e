package io.quarkmall.loyalty.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.loyalty.domain.Referral;
import io.quarkmall.loyalty.service.ActivityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Referrals: the caller's code to share, and registering the code of the shopper who brought them. */
@Path("/referrals")
@RolesAllowed("shopper")
public class ReferralResource {

    public record ReferralRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9]{4,32}",
            message = "letters and digits, 4 to 32") String code) {}

    /** The code the caller came on, and when they registered it. */
    public record RegisteredView(String code, Instant registeredAt, boolean rewarded) {
        static RegisteredView of(Referral referral) {
            return new RegisteredView(referral.code(), referral.registeredAt(), referral.rewardedAt() != null);
        }
    }

    /** The caller's own code, the code they came on (if any), and how many came on theirs and have paid a first order. */
    public record ReferralsView(String code, RegisteredView referredBy, long referred, long rewarded) {}

    @Inject
    JsonWebToken caller;
    @Inject
    ActivityService activities;

    @GET
    @Path("/me")
    @Operation(summary = "The caller's referral code (made on the first ask), the code they came on, and how many "
            + "shoppers came on theirs and have paid their first order")
    public ReferralsView mine() {
        var summary = activities.referralsOf(caller.getSubject());
        return new ReferralsView(summary.code(), summary.referredBy().map(RegisteredView::of).orElse(null),
                summary.referred(), summary.rewarded());
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON) // a record of one String would otherwise take a text/plain body as the code
    @Operation(summary = "Register the referral code of the shopper who brought the caller (Idempotency-Key required), "
            + "once and before the caller's first paid order; both are rewarded when that order is paid. 422 for an "
            + "unknown code; 409 own-referral-code, mutual-referral, already-referred or not-a-new-shopper")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegisteredView.class)))
    public Response register(@NotNull @Valid ReferralRequest request) {
        var referral = activities.register(caller.getSubject(), request.code().toUpperCase(Locale.ROOT));
        return Response.status(201).entity(RegisteredView.of(referral)).build();
    }
}
