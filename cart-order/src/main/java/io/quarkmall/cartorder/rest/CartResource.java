package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.domain.CartLine;
import io.quarkmall.cartorder.domain.ShippingRates;
import io.quarkmall.cartorder.service.CartService;
import io.quarkmall.cartorder.service.CartService.Cart;
import io.quarkmall.cartorder.service.CheckoutService;
import io.quarkmall.common.money.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The calling shopper's cart. PUT and DELETE are idempotent by nature: repeating one changes nothing more. */
@Path("/cart")
@RolesAllowed("shopper")
public class CartResource {

    private static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public record Quantity(@NotNull @Min(1) @Max(CartLine.MAX_QUANTITY) Integer quantity) {}

    /**
     * One delivery service for the cart, to be chosen at checkout ({@code shipping=<option>}): its {@code zone}
     * (MAINLAND, REMOTE or INTERNATIONAL), the parcel's {@code weightGrams} as charged, the {@code fee}, the
     * goods' value it is free from ({@code freeFrom}, null: never) and the days it takes once dispatched.
     */
    public record ShippingOptionView(String option, String zone, int weightGrams, Money fee, Money freeFrom, int minDays,
                                     int maxDays) {
        static ShippingOptionView of(ShippingRates.Quote q) {
            return new ShippingOptionView(q.option().name(), q.zone().name(), q.weightGrams(), q.fee(),
                    q.freeFrom().orElse(null), q.minDays(), q.maxDays());
        }
    }

    @Inject
    JsonWebToken caller;
    @Inject
    CartService carts;
    @Inject
    CheckoutService checkout;

    @GET
    @Operation(summary = "The caller's cart at today's prices, with a total per currency")
    public Cart mine() {
        return carts.view(caller.getSubject());
    }

    @GET
    @Path("/shipping-options")
    @Operation(summary = "What each delivery service would cost the cart, cheapest first, priced by the server from the "
            + "rate card (the address's zone, the parcel's weight, free-shipping thresholds on the goods' value); empty "
            + "for an empty cart. 422 address-not-yours for an address not in the caller's book, sku-unavailable, "
            + "or mixed-currencies as at checkout. Goods in another currency than the card's (CNY) go by STANDARD alone, "
            + "at no charge")
    public List<ShippingOptionView> shippingOptions(
            @Parameter(description = "The caller's address to deliver to; absent: the default address (none: priced as the mainland)")
            @QueryParam("addressId") @Positive Long addressId) {
        return checkout.shippingOptions(caller.getSubject(), Optional.ofNullable(addressId)).stream()
                .map(ShippingOptionView::of).toList();
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
