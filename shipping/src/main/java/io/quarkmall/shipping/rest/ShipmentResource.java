package io.quarkmall.shipping.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.shipping.domain.DeliveryService;
import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.shipping.domain.TrackingCode;
import io.quarkmall.shipping.domain.TrackingEvent;
import io.quarkmall.common.live.LiveEntry;
import io.quarkmall.common.live.LiveFeeds;
import io.quarkmall.common.live.LiveSignals;
import io.quarkmall.shipping.config.ShippingConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/shipments")
@RolesAllowed("shopper")
public class ShipmentResource {

    /**
     * What a shopper sees of a shipment; service the delivery service chosen at checkout (STANDARD or EXPRESS);
     * trackingNumber is null until its carrier has booked it, eta null once it is delivered, cancelled, returned or lost.
     */
    public record ShipmentView(long id, long orderId, String carrier, DeliveryService service,
                               @Schema(nullable = true) String trackingNumber, String status,
                               Instant createdAt, @Schema(nullable = true) Instant eta) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id(), s.orderId(), s.carrier(), s.service(), s.trackingNumber(), s.status().name(),
                    s.createdAt(), s.eta());
        }
    }

    /** One scan: code and place for the reader's language; location is the carrier's own text. */
    public record TrackingView(String status, TrackingCode code, @Schema(nullable = true) String place, String location,
                               Instant occurredAt) {
        static TrackingView of(TrackingEvent e) {
            return new TrackingView(e.status(), e.code(), e.place(), e.location(), e.occurredAt());
        }
    }

    @Inject
    JsonWebToken caller;
    @Inject
    LiveFeeds feeds;
    @Inject
    ShippingConfig config;

    @GET
    @Path("/{id}/tracking")
    @Operation(summary = "Where one of the caller's parcels has been; 404 for anybody else's")
    public List<TrackingView> tracking(@PathParam("id") long id) {
        Shipment shipment = Shipment.ownedBy(caller.getSubject(), id)
                .orElseThrow(() -> ProblemException.notFound("Shipment " + id));
        return TrackingEvent.of(shipment.id()).stream().map(TrackingView::of).toList();
    }

    @GET
    @Path("/{id}/live")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: a `scan` event (a tracking scan as JSON, its id the scan's) for each scan "
            + "after Last-Event-ID (from the first without it), then each new scan as the carrier reports it, whichever "
            + "replica took it; a keep-alive comment every 15 s. The shipment's ETA moves with each scan. The stream ends "
            + "when the token expires: reconnect with a fresh token and the last id. 404 for anybody else's parcel")
    @APIResponse(responseCode = "200", description = "The stream of `scan` events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public void follow(@PathParam("id") long id,
                       @Parameter(description = "The id of the last event received; absent: every scan")
                       @HeaderParam("Last-Event-ID") @PositiveOrZero Long lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        Shipment shipment = Shipment.ownedBy(caller.getSubject(), id)
                .orElseThrow(() -> ProblemException.notFound("Shipment " + id));
        feeds.open(sink, sse, LiveSignals.key(config.shipmentTopic(), Long.toString(shipment.orderId())),
                lastEventId == null ? 0 : lastEventId,
                last -> TrackingEvent.after(id, last).stream()
                        .map(scan -> new LiveEntry(scan.id(), "scan", TrackingView.of(scan))).toList(),
                Instant.ofEpochSecond(caller.getExpirationTime()));
    }

    @GET
    @Operation(summary = "The calling shopper's shipments, newest first; with orderId, only the parcels of that order "
            + "(an empty list for an order that is not the caller's)")
    public List<ShipmentView> mine(@QueryParam("orderId") @Min(1) Long orderId,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var shipments = orderId == null ? Shipment.ofShopper(caller.getSubject(), page, size)
                : Shipment.ofShopperOrder(caller.getSubject(), orderId, page, size);
        return shipments.stream().map(ShipmentView::of).toList();
    }
}
