package io.quarkmall.stock.rest;

import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.domain.StockLevel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.PUT;
import java.time.Clock;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

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

    private final Clock clock;

    StockResource(Clock clock) {
        this.clock = clock;
    }

    @PUT
    @Path("/{sku}")
    @Transactional
    @Operation(summary = "Set the units on hand of a SKU (a stock count or receipt); 409 below what is reserved")
    public StockView count(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                           @Valid @NotNull StockCount count) {
        try {
            return StockView.of(StockLevel.count(sku, count.onHand(), clock.instant()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.conflict("below-reserved", e.getMessage());
        }
    }

    @GET
    @Operation(summary = "Stock levels of every SKU, by SKU")
    public List<StockView> all(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return StockLevel.page(page, size).stream().map(StockView::of).toList();
    }

    @GET
    @Path("/{sku}")
    @Operation(summary = "Stock of one SKU")
    public StockView one(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku) {
        return StockLevel.ofSku(sku).map(StockView::of)
                .orElseThrow(() -> ProblemException.notFound("Stock for SKU " + sku));
    }
}
