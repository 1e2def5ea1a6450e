package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.domain.CartLine;
import io.quarkmall.cartorder.rest.OrderViews.OrderView;
import io.quarkmall.cartorder.service.ContactBook;
import io.quarkmall.cartorder.service.RedemptionService;
import io.quarkmall.common.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The points mall: the calling shopper redeems a SKU with points (plus its cash part, if it has one). */
@Path("/redemptions")
@RolesAllowed("shopper")
public class RedemptionResource {

    public record RedemptionRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String sku,
                                    @NotNull @Min(1) @Max(CartLine.MAX_QUANTITY) Integer quantity) {}

    @Inject
    JsonWebToken caller;
    @Inject
    RedemptionService redemptions;
    @Inject
    ContactBook contacts;
    @Context
    HttpHeaders headers;

    @POST
    @Operation(summary = "Redeem units of a SKU with points (Idempotency-Key required): 201 with the PENDING "
            + "REDEMPTION order, whose pointsUsed loyalty then holds and whose units stock holds. With no cash part it "
            + "is PAID once both are held; with one it awaits payment of the cash alone. 404 for an unknown SKU; 422 "
            + "if it is not listed (sku-unavailable), has no points price (sku-not-redeemable), the shopper would pass "
            + "its per-shopper limit (redemption-limit-reached) or holds too much unpaid (too-many-unpaid-orders, "
            + "too-many-units-held); nothing is placed then")
    @APIResponse(responseCode = "201", description = "The redemption, placed; a replay of the same Idempotency-Key returns it again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @Idempotent
    public Response redeem(@NotNull @Valid RedemptionRequest request) {
        contacts.remember(caller.getSubject(), ShopperIdentity.verifiedEmail(caller), ShopperIdentity.language(headers));
        return Response.status(201).entity(OrderView.of(
                redemptions.redeem(caller.getSubject(), request.sku(), request.quantity()), Optional.empty())).build();
    }
}
