package io.quarkmall.stock.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.service.StockCountService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.PUT;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Stock levels as operators count and read them: a merchant its own SKUs', an admin every SKU's. */
@Path("/stock")
@RolesAllowed({"merchant", "admin"})
public class StockResource {

    /** Stock of one SKU as an operator sees it. */
    public record StockView(String sku, long onHand, long reserved, long available, Instant updatedAt) {
        static StockView of(StockLevel s) {
            return new StockView(s.sku(), s.onHand(), s.reserved(), s.available(), s.updatedAt());
        }
    }

    /** A stock count: the units physically on hand. */
    public record StockCount(@NotNull @PositiveOrZero @Max(1_000_000_000) Long onHand) {}

    private final StockCountService counts;
    private final JsonWebToken caller;
    private final SecurityIdentity identity;

    StockResource(StockCountService counts, JsonWebToken caller, SecurityIdentity identity) {
        this.counts = counts;
        this.caller = caller;
        this.identity = identity;
    }

    @PUT
    @Path("/{sku}")
    @Operation(summary = "Set the units on hand of one of the caller's SKUs (a stock count or receipt; an admin any "
            + "SKU); 404 for a SKU catalog never announced or another merchant's; 409 below what is reserved")
    public StockView count(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                           @Valid @NotNull StockCount count) {
        return counts.count(scope(), sku, count.onHand()).map(StockView::of).orElseThrow(() -> notFound(sku));
    }

    @GET
    @Operation(summary = "Stock levels of the caller's SKUs (an admin's: every SKU), by SKU")
    public List<StockView> all(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return scope().levels(page, size).stream().map(StockView::of).toList();
    }

    @GET
    @Path("/{sku}")
    @Operation(summary = "Stock of one of the caller's SKUs; 404 for an unknown SKU or another merchant's")
    public StockView one(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku) {
        return scope().level(sku).map(StockView::of).orElseThrow(() -> notFound(sku));
    }

    private OperatorScope scope() {
        return new OperatorScope(caller.getSubject(), identity.hasRole("admin"));
    }

    private static ProblemException notFound(String sku) {
        return ProblemException.notFound("Stock for SKU " + sku);
    }
}
