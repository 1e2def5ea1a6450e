package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.domain.AfterSalesRequest;
import io.quarkmall.cartorder.domain.OperatorScope;
import io.quarkmall.cartorder.rest.AfterSalesViews.AfterSalesView;
import io.quarkmall.cartorder.rest.AfterSalesViews.DecisionDraft;
import io.quarkmall.cartorder.rest.AfterSalesViews.ReceiptDraft;
import io.quarkmall.cartorder.rest.AfterSalesViews.RejectionDraft;
import io.quarkmall.cartorder.service.AfterSalesPhotos;
import io.quarkmall.cartorder.service.AfterSalesService;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The after-sales review queue: an admin sees every request, a merchant those on orders with its SKUs. */
@Path("/operator/after-sales")
@Consumes(MediaType.APPLICATION_JSON) // a decision's note alone is a record of one String, which text/plain would fill
@RolesAllowed({"merchant", "admin"})
public class OperatorAfterSalesResource {

    @Inject
    JsonWebToken caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    AfterSalesService afterSales;
    @Inject
    AfterSalesPhotos photos;

    @GET
    @Operation(summary = "Requests the caller may review: those awaiting the merchant (undecided, or a return parcel to "
            + "receive) first, the nearest deadline first, then the rest newest first; optionally only those in one "
            + "status (400 for an unknown one), or only those escalated to the mall's staff and still waiting (on the "
            + "merchant, or on an exchange's replacement)")
    public List<AfterSalesView> queue(@QueryParam("status") String status,
                                      @QueryParam("escalated") @DefaultValue("false") boolean escalated,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return AfterSalesView.allOf(
                scope().afterSales(StatusParam.of(AfterSalesRequest.Status.class, status, "after-sales"), escalated, page, size));
    }

    @POST
    @Path("/{id}/approval")
    @Operation(summary = "Approve an undecided request (Idempotency-Key required): pay then refunds its amount. "
            + "404 if the caller may not see it, 409 after-sales-decided once decided")
    @Idempotent
    public Response approve(@PathParam("id") long id, @Valid DecisionDraft draft) {
        String note = draft == null ? null : AfterSalesResource.blankToNull(draft.note());
        return Response.ok(AfterSalesView.of(afterSales.approve(scope(), id, note))).build();
    }

    @POST
    @Path("/{id}/receipt")
    @Operation(summary = "Receive a return parcel (Idempotency-Key required), saying what becomes of the goods: "
            + "SELLABLE back on the warehouse's shelf, QUARANTINE set apart; pay then refunds the request. 404 if the "
            + "caller may not see it, 409 after-sales-not-shipped-back unless its parcel is on its way")
    @Idempotent
    public Response receive(@PathParam("id") long id, @NotNull @Valid ReceiptDraft receipt) {
        return Response.ok(AfterSalesView.of(afterSales.receive(scope(), id, receipt.disposition()))).build();
    }

    @POST
    @Path("/{id}/rejection")
    @Operation(summary = "Reject an undecided request, saying why (Idempotency-Key required); the shopper sees the "
            + "note. 404 if the caller may not see it, 409 after-sales-decided once decided")
    @Idempotent
    public Response reject(@PathParam("id") long id, @NotNull @Valid RejectionDraft draft) {
        return Response.ok(AfterSalesView.of(afterSales.reject(scope(), id, draft.note().strip()))).build();
    }

    @GET
    @Path("/{id}/photos/{photoId}")
    @Produces({"image/jpeg", "image/png", "image/webp", "application/problem+json"})
    @Operation(summary = "One photo the shopper gave with a request the caller reviews, the image itself; 404 if the "
            + "caller may not see the request")
    @APIResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response photo(@PathParam("id") long id, @PathParam("photoId") long photoId) {
        return AfterSalesResource.image(photos.forOperator(scope(), id, photoId));
    }

    private OperatorScope scope() {
        return new OperatorScope(caller.getSubject(), identity.hasRole("admin"));
    }
}
