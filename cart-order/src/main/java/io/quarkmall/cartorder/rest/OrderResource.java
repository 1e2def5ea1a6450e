package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.domain.Order;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/orders")
@RolesAllowed("shopper")
public class OrderResource {

    /** What a shopper sees of an order. */
    public record OrderView(long id, String status, long totalMinor, String currency, Instant createdAt) {
        static OrderView of(Order o) {
            return new OrderView(o.id(), o.status(), o.totalMinor(), o.currency(), o.createdAt());
        }
    }

    @Inject
    JsonWebToken caller;

    @GET
    @Operation(summary = "The calling shopper's orders, newest first")
    public List<OrderView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Order.ofShopper(caller.getSubject(), page, size).stream().map(OrderView::of).toList();
    }
}
