package io.quarkmall.shipping.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.shipping.domain.DeliveryService;
import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.shipping.domain.TrackingCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The operators' view of every parcel: where each is, and which need someone to look at them. */
@Path("/admin/shipments")
@RolesAllowed("admin")
public class AdminShipmentResource {

    /**
     * A parcel as operators see it: trackingNumber null until the carrier booked it, lastCode the code of its last
     * scan, carrierError why the last call to its carrier failed (null when none is failing), nextCarrierCallAt when
     * its carrier is called next (a booking, a retry, a cancellation; null when nothing is owed), carrierLabelUrl where
     * the carrier serves the label it printed (the international label API's PDF; null where the console prints it).
     */
    public record OperatorShipmentView(long id, long orderId, String shopperId, String carrier, DeliveryService service,
                                       @Schema(nullable = true) String trackingNumber, Shipment.Status status,
                                       Instant createdAt, @Schema(nullable = true) Instant eta,
                                       @Schema(nullable = true) TrackingCode lastCode,
                                       @Schema(nullable = true) Instant lastScanAt,
                                       @Schema(nullable = true) String carrierError, int failedCarrierCalls,
                                       @Schema(nullable = true) Instant nextCarrierCallAt,
                                       @Schema(nullable = true) String carrierLabelUrl) {
        static OperatorShipmentView of(Shipment s) {
            return new OperatorShipmentView(s.id(), s.orderId(), s.shopperId(), s.carrier(), s.service(), s.trackingNumber(),
                    s.status(), s.createdAt(), s.eta(), s.lastCode(), s.lastScanAt(), s.booking().error(), s.booking().failedCalls(),
                    s.booking().nextCallAt(), s.carrierLabelUrl());
        }
    }

    @GET
    @Operation(summary = "Every parcel, newest first; with status, those in it; with attention=true, those that need an "
            + "operator (lost or returned to the sender, a delay or an exception at their last scan, or a carrier call "
            + "failing), whatever their status")
    public List<OperatorShipmentView> list(@QueryParam("status")
                                           @Pattern(regexp = "CREATED|PICKED_UP|IN_TRANSIT|DELIVERED|CANCELLED|RETURNED_TO_SENDER|LOST")
                                           String status,
                                           @Parameter(description = "Only the parcels that need an operator")
                                           @QueryParam("attention") @DefaultValue("false") boolean attention,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        var shipments = attention ? Shipment.needingAttention(page, size)
                : Shipment.listed(status == null ? null : Shipment.Status.valueOf(status), page, size);
        return shipments.stream().map(OperatorShipmentView::of).toList();
    }
}
