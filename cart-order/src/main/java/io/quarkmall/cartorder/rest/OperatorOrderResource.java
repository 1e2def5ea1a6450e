package io.quarkmall.cartorder.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.cartorder.domain.OperatorScope;
import io.quarkmall.cartorder.domain.OrderStatus;
import io.quarkmall.cartorder.rest.OrderViews.OperatorOrderSummary;
import io.quarkmall.cartorder.rest.OrderViews.OrderView;
import io.quarkmall.cartorder.service.AddressSeals;
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
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Orders as the operator console sees them: an admin every order, a merchant those with its SKUs. */
@Path("/operator/orders")
@RolesAllowed({"merchant", "admin"})
public class OperatorOrderResource {

    @Inject
    JsonWebToken caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    AddressSeals addresses;

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

    private OperatorScope scope() {
        return new OperatorScope(caller.getSubject(), identity.hasRole("admin"));
    }
}
