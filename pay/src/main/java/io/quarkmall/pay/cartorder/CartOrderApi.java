package io.quarkmall.pay.cartorder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkmall.common.money.Money;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The one cart-order endpoint pay calls: a shopper's own order, as the shopper sees it. */
@Path("/api/cart-order")
public interface CartOrderApi {

    /**
     * The fields pay reads of cart-order's answer (docs/api/cart-order.order.schema.json); the
     * shopper is the caller, whose token cart-order was given.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShopperOrder(long id, String status, Money total) {}

    @GET
    @Path("/orders/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ShopperOrder order(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
