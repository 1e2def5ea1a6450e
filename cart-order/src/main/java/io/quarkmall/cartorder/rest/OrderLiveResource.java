package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.TimelineEntry;
import io.quarkmall.cartorder.rest.OrderViews.StepView;
import io.quarkmall.common.live.LiveEntry;
import io.quarkmall.common.live.LiveFeeds;
import io.quarkmall.common.live.LiveSignals;
import io.quarkmall.common.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** One of the caller's orders, live: each step of its timeline as it happens. */
@Path("/orders/{id}/live")
@RolesAllowed("shopper")
public class OrderLiveResource {

    @Inject
    JsonWebToken caller;
    @Inject
    LiveFeeds feeds;
    @Inject
    OrderConfig config;

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: a `step` event (a timeline step as JSON, its id the step's) for each step "
            + "after Last-Event-ID (from the first without it), then each new step as it happens, from whichever replica "
            + "wrote it; a keep-alive comment every 15 s. The stream ends when the token expires: reconnect with a fresh "
            + "token and the last id. 404 for anybody else's order")
    @APIResponse(responseCode = "200", description = "The stream of `step` events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public void follow(@PathParam("id") long id,
                       @Parameter(description = "The id of the last event received; absent: the whole timeline")
                       @HeaderParam("Last-Event-ID") @PositiveOrZero Long lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        Order.ownedBy(caller.getSubject(), id).orElseThrow(() -> ProblemException.notFound("Order " + id));
        feeds.open(sink, sse, LiveSignals.key(config.topic(), Long.toString(id)), lastEventId == null ? 0 : lastEventId,
                last -> TimelineEntry.after(id, last).stream()
                        .map(step -> new LiveEntry(step.id(), "step", StepView.of(step))).toList(),
                Instant.ofEpochSecond(caller.getExpirationTime()));
    }
}
