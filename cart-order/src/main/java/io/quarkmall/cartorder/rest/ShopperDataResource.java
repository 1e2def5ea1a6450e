package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.service.ShopperData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A shopper erases the personal data cart-order keeps about them. */
@Path("/me/data")
@RolesAllowed("shopper")
public class ShopperDataResource {

    @Inject
    JsonWebToken caller;
    @Inject
    ShopperData data;

    @DELETE
    @Operation(summary = "Erase the caller's personal data in cart-order (the address book, and the delivery addresses "
            + "copied onto their orders) by deleting the address book and destroying the caller's data keys: 204, also "
            + "when there was nothing to erase. Orders stay (lines, amounts, status), their deliveryAddress null")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response erase() {
        data.erase(caller.getSubject());
        return Response.noContent().build();
    }
}
