package io.quarkmall.pay.rest;

import io.quarkmall.pay.service.KeyManagement;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A shopper erases the personal data pay keeps about them. */
@Path("/me/data")
@RolesAllowed("shopper")
public class ShopperDataResource {

    @Inject
    JsonWebToken caller;
    @Inject
    KeyManagement keys;

    @DELETE
    @Operation(summary = "Erase the caller's personal data in pay (payer identifiers of Alipay and WeChat Pay) by "
            + "destroying the caller's data keys: 204, also when there was nothing to erase. Payments stay "
            + "(order, amount, status), as bookkeeping requires")
    @APIResponse(responseCode = "204", description = "Erased; pay's sealed values of the caller read as erased from now on")
    public Response erase() {
        keys.eraseShopper(caller.getSubject());
        return Response.noContent().build();
    }
}
