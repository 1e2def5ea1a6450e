package io.quarkmall.shipping.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.shipping.domain.TrackingCode;
import io.quarkmall.shipping.domain.TrackingEvent;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/shipments")
@RolesAllowed("shopper")
public class ShipmentResource {

    /** What a shopper sees of a shipment; eta is null once it is delivered or cancelled. */
    public record ShipmentView(long id, long orderId, String carrier, String trackingNumber, String status,
                               Instant createdAt, @Schema(nullable = true) Instant eta) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id(), s.orderId(), s.carrier(), s.trackingNumber(), s.status().name(), s.createdAt(),
                    s.eta());
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

    @GET
    @Path("/{id}/tracking")
    @Operation(summary = "Where one of the caller's parcels has been; 404 for anybody else's")
    public List<TrackingView> tracking(@PathParam("id") long id) {
        Shipment shipment = Shipment.ownedBy(caller.getSubject(), id)
                .orElseThrow(() -> ProblemException.notFound("Shipment " + id));
        return TrackingEvent.of(shipment.id()).stream().map(TrackingView::of).toList();
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
