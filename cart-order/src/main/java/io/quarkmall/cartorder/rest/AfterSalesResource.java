package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.rest.AfterSalesViews.AfterSalesDraft;
import io.quarkmall.cartorder.rest.AfterSalesViews.AfterSalesView;
import io.quarkmall.cartorder.rest.AfterSalesViews.ExchangeOptionView;
import io.quarkmall.cartorder.rest.AfterSalesViews.PhotoView;
import io.quarkmall.cartorder.rest.AfterSalesViews.ReturnParcelDraft;
import io.quarkmall.cartorder.service.AfterSalesPhotos;
import io.quarkmall.cartorder.service.AfterSalesService;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A shopper's after-sales requests on one of their orders; another shopper's order is 404. */
@Path("/orders/{id}/after-sales")
@RolesAllowed("shopper")
public class AfterSalesResource {

    @Inject
    JsonWebToken caller;
    @Inject
    AfterSalesService afterSales;
    @Inject
    AfterSalesPhotos photos;

    @GET
    @Operation(summary = "The after-sales requests of one of the caller's orders, oldest first")
    public List<AfterSalesView> ofOrder(@PathParam("id") long orderId) {
        return AfterSalesView.allOf(afterSales.ofOrder(caller.getSubject(), orderId));
    }

    @GET
    @Path("/exchange-options")
    @Operation(summary = "What an exchange on one of the caller's orders may send instead of each of its SKUs: the other "
            + "listed SKUs of the same product at the same price (another size or colour), with their attributes; the same "
            + "SKU again is always possible and not listed. 404 for another shopper's order")
    public List<ExchangeOptionView> exchangeOptions(@PathParam("id") long orderId) {
        return afterSales.exchangeOptions(caller.getSubject(), orderId).stream().map(ExchangeOptionView::of).toList();
    }

    @POST
    @Operation(summary = "Ask for money back or an exchange (Idempotency-Key required): refund only (the goods stay), "
            + "return and refund (the goods go back first) or exchange (the goods go back, then a replacement order is sent "
            + "at no charge: the same SKU, or a line's replacementSku of the same product at the same price; if the "
            + "replacement is cancelled, the units' share of the money is refunded instead), for some units of the "
            + "order's lines or, without lines, every unit not "
            + "claimed yet: 201 with the request. The amount is the units' share of the money paid. At most ¥20 (by "
            + "default) is approved at once; else the merchant answers, and a request unanswered for 48 hours is "
            + "approved. An approved refund only is refunded by pay; an approved return awaits its parcel (7 days, "
            + "else it expires), and is refunded once the merchant receives it (10 days, else the clock receives it). "
            + "409 after-sales-not-open before the parcel ships (cancel instead) or for a cancelled order, "
            + "409 after-sales-open while another request is open; 422 after-sales-window-closed 15 days after delivery, "
            + "not-on-order, line-repeated, quantity-over-claimable (at the line's field), nothing-to-refund; "
            + "replacement-not-exchange, replacement-unavailable, replacement-not-same-product, replacement-price-differs "
            + "(at the line's replacementSku)")
    @APIResponse(responseCode = "201", description = "The request; a replay of the same Idempotency-Key returns it again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AfterSalesView.class)))
    @Idempotent
    public Response request(@PathParam("id") long orderId, @NotNull @Valid AfterSalesDraft draft) {
        var request = afterSales.request(caller.getSubject(), orderId, draft.kindOrDefault(), draft.reason(),
                blankToNull(draft.note()), draft.claimed());
        return Response.status(201).entity(AfterSalesView.of(request)).build();
    }

    @POST
    @Path("/{requestId}/return-parcel")
    @Operation(summary = "Say that the goods of an approved return were sent back, with the parcel's carrier and "
            + "tracking number (Idempotency-Key required): the merchant then has 10 days to receive it. 404 for "
            + "another shopper's order or request, 409 after-sales-not-awaiting-return unless the return awaits its parcel")
    @Idempotent
    public Response returnParcel(@PathParam("id") long orderId, @PathParam("requestId") long requestId,
                                 @NotNull @Valid ReturnParcelDraft parcel) {
        return Response.ok(AfterSalesView.of(afterSales.returnShipped(caller.getSubject(), orderId, requestId,
                parcel.carrier().strip(), parcel.trackingNumber()))).build();
    }

    @POST
    @Path("/{requestId}/photos")
    @Consumes(MediaType.WILDCARD) // judged here, after the caller is known: a wrong type is 415 problem+json
    @RequestBody(required = true, content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Add a photo as evidence to one of the caller's open requests (Idempotency-Key required): the "
            + "image itself as the body, a JPEG, PNG or WebP of at most 1,000,000 bytes (told by its first bytes), at most "
            + "6 a request (another Content-Type than image/*: 415); 201 with the photo (the same image again: the photo it already is). 404 for another shopper's "
            + "order or request, 409 after-sales-closed once the request is closed, 409 too-many-photos, 413 photo-size, "
            + "415 not-a-photo")
    @APIResponse(responseCode = "201", description = "The photo, without its image",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PhotoView.class)))
    @Idempotent
    public Response addPhoto(@PathParam("id") long orderId, @PathParam("requestId") long requestId,
                             @HeaderParam("Content-Type") String contentType, byte[] image) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("image/")) {
            throw new ProblemException(Problem.of("not-a-photo", "Photo not taken", 415,
                    "Send the image itself as the body, as image/jpeg, image/png or image/webp."));
        }
        var photo = photos.add(caller.getSubject(), orderId, requestId, image == null ? new byte[0] : image);
        return Response.status(201).entity(PhotoView.of(photo)).build();
    }

    @GET
    @Path("/{requestId}/photos/{photoId}")
    @Produces({"image/jpeg", "image/png", "image/webp", "application/problem+json"})
    @Operation(summary = "One photo of one of the caller's requests, the image itself; 404 for anybody else's")
    @APIResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response photo(@PathParam("id") long orderId, @PathParam("requestId") long requestId,
                          @PathParam("photoId") long photoId) {
        return image(photos.ofShopper(caller.getSubject(), orderId, requestId, photoId));
    }

    /** Never kept by the browser (another account may sign in on it), never read as anything but the image it is. */
    static Response image(AfterSalesPhotos.Image image) {
        return Response.ok(image.bytes(), image.contentType()).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build();
    }

    static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
