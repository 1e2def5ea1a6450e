package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.domain.CartLine;
import io.quarkmall.cartorder.service.CartService;
import io.quarkmall.cartorder.service.CartService.Cart;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The calling shopper's cart. PUT and DELETE are idempotent by nature: repeating one changes nothing more. */
@Path("/cart")
@RolesAllowed("shopper")
public class CartResource {

    private static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public record Quantity(@NotNull @Min(1) @Max(CartLine.MAX_QUANTITY) Integer quantity) {}

    @Inject
    JsonWebToken caller;
    @Inject
    CartService carts;

    @GET
    @Operation(summary = "The caller's cart at today's prices, with a total per currency")
    public Cart mine() {
        return carts.view(caller.getSubject());
    }

    @PUT
    @Path("/lines/{sku}")
    @Operation(summary = "Put a SKU in the cart with this quantity (adds it or changes its quantity); 422 if it is not for sale")
    public Cart put(@PathParam("sku") @Pattern(regexp = SKU) String sku, @NotNull @Valid Quantity body) {
        return carts.put(caller.getSubject(), sku, body.quantity());
    }

    @DELETE
    @Path("/lines/{sku}")
    @Operation(summary = "Take a SKU out of the cart")
    public Cart remove(@PathParam("sku") @Pattern(regexp = SKU) String sku) {
        return carts.remove(caller.getSubject(), sku);
    }
}
