package io.quarkmall.cartorder.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.cartorder.domain.OperatorScope;
import io.quarkmall.cartorder.domain.OrderStatus;
import io.quarkmall.cartorder.rest.OrderViews.OperatorOrderSummary;
import io.quarkmall.cartorder.rest.OrderViews.OrderView;
import io.quarkmall.cartorder.service.AddressSeals;
import io.quarkmall.cartorder.service.ParcelPapers;
import io.quarkmall.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Orders as the operator console sees them: an admin every order, a merchant those with its SKUs. */
@Path("/operator/orders")
@RolesAllowed({"merchant", "admin"})
public class OperatorOrderResource {

    @Inject
    JsonWebToken caller;
    @Inject
    SecurityIdentity identity;
    private static final String PDF = "application/pdf";

    @Inject
    AddressSeals addresses;
    @Inject
    ParcelPapers papers;

    @GET
    @Operation(summary = "Orders the caller may see, newest first, optionally only those in one status; "
            + "400 for an unknown status")
    public List<OperatorOrderSummary> orders(@QueryParam("status") String status,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return scope().orders(StatusParam.of(OrderStatus.class, status, "order"), page, size).stream().map(OperatorOrderSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order with its lines, timeline and delivery address (to fulfil it); 404 if the caller may not see it")
    public OrderView order(@PathParam("id") long id) {
        return scope().order(id).map(o -> OrderView.of(o, addresses.deliveryAddressOf(o))).orElseThrow(() -> ProblemException.notFound("Order " + id));
    }

    @GET
    @Path("/labels")
    @Produces({PDF, "application/problem+json"})
    @Operation(summary = "The labels of the caller's orders in one status (FULFILLING, booked and waiting for pick-up, "
            + "unless another is given) that have a waybill and an address, newest first, at most 100, one a page; 400 for "
            + "an unknown status, 409 nothing-to-label if none has")
    @APIResponse(responseCode = "200", description = "The labels", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response labels(@QueryParam("status") @DefaultValue("FULFILLING") String status) {
        OrderStatus chosen = StatusParam.of(OrderStatus.class, status, "order").orElse(OrderStatus.FULFILLING);
        return pdf(papers.labels(scope(), chosen), "labels-" + chosen.name().toLowerCase(Locale.ROOT) + ".pdf");
    }

    @GET
    @Path("/{id}/packing-list")
    @Produces({PDF, "application/problem+json"})
    @Operation(summary = "The packing list of a paid order (what goes into its parcel), as a PDF; 404 if the caller may "
            + "not see the order, 409 order-not-paid before payment or once cancelled")
    @APIResponse(responseCode = "200", description = "The packing list", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response packingList(@PathParam("id") long id) {
        return pdf(papers.packingList(scope(), id), "packing-list-" + id + ".pdf");
    }

    @GET
    @Path("/{id}/label")
    @Produces({PDF, "application/problem+json"})
    @Operation(summary = "The shipping label of a paid order's parcel (carrier, waybill barcode, recipient with the phone "
            + "masked, sender), as a 100 × 150 mm PDF; 404 if the caller may not see the order, 409 order-not-paid, "
            + "label-not-ready until the carrier gave the parcel its waybill, no-delivery-address")
    @APIResponse(responseCode = "200", description = "The label", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response label(@PathParam("id") long id) {
        return pdf(papers.label(scope(), id), "label-" + id + ".pdf");
    }

    private static Response pdf(byte[] document, String filename) {
        return Response.ok(document, PDF).header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private OperatorScope scope() {
        return new OperatorScope(caller.getSubject(), identity.hasRole("admin"));
    }
}
