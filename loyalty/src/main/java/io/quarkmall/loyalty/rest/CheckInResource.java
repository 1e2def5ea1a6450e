package io.quarkmall.loyalty.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.loyalty.domain.CheckInPolicy.Reward;
import io.quarkmall.loyalty.service.CheckInService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The daily check-in. A second check-in on the same day is refused with 409
 * {@code already-checked-in} and changes nothing (a replay of the same Idempotency-Key gets the
 * first answer again); the status tells whether today's is done.
 */
@Path("/check-ins")
@RolesAllowed("shopper")
public class CheckInResource {

    /** A check-in: its calendar day, the streak it makes, the points it earns. */
    public record CheckInView(LocalDate day, int streak, long points) {
        static CheckInView of(Reward reward) {
            return new CheckInView(reward.day(), reward.streak(), reward.points());
        }
    }

    /** Today (in the check-in time zone), whether the caller checked in, their streak, and the next check-in's reward. */
    public record CheckInStatusView(LocalDate today, boolean checkedInToday, int streak, CheckInView next) {}

    @Inject
    JsonWebToken caller;
    @Inject
    CheckInService checkIns;

    @POST
    @Idempotent
    @Operation(summary = "Check in for today (Idempotency-Key required): the day's points and any streak bonus, "
            + "once a day; 409 already-checked-in if the caller already checked in today")
    @APIResponse(responseCode = "201", description = "Checked in: the day, the streak and the points credited",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckInView.class)))
    public Response checkIn() {
        return Response.status(201).entity(CheckInView.of(checkIns.checkIn(caller.getSubject()))).build();
    }

    @GET
    @Path("/me")
    @Operation(summary = "The caller's check-in status: checked in today or not, the streak, and what the next check-in earns")
    public CheckInStatusView mine() {
        var status = checkIns.statusOf(caller.getSubject());
        return new CheckInStatusView(status.today(), status.checkedInToday(), status.streak(), CheckInView.of(status.next()));
    }
}
