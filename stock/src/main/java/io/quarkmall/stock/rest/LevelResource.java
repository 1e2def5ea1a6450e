package io.quarkmall.stock.rest;

import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.domain.WarehouseStock;
import io.quarkmall.stock.service.StockCountService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A SKU's stock per warehouse, and counts in any warehouse; a merchant only its own SKUs'. */
@Path("/levels")
@RolesAllowed({"merchant", "admin"})
public class LevelResource {

    /** A stock count: the units physically on hand in the warehouse. */
    public record WarehouseCount(@NotNull @PositiveOrZero @Max(1_000_000_000) Long onHand) {}

    private final CallerScope caller;
    private final StockCountService counts;

    LevelResource(CallerScope caller, StockCountService counts) {
        this.caller = caller;
        this.counts = counts;
    }

    @GET
    @Path("/{sku}")
    @Operation(summary = "The SKU's stock in each warehouse that has had any (on hand, reserved, available, inbound "
            + "in transit, low-stock threshold); 404 for an unknown SKU or another merchant's")
    public List<WarehouseStockView> of(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku) {
        caller.scope().level(sku).orElseThrow(() -> ProblemException.notFound("Stock for SKU " + sku));
        return WarehouseStock.of(sku).stream().map(WarehouseStockView::of).toList();
    }

    @PUT
    @Path("/{sku}/{warehouse}")
    @Operation(summary = "Count the SKU in a warehouse: the difference is recorded as an ADJUSTMENT movement; 404 "
            + "for an unknown SKU, another merchant's or an unknown warehouse; 409 below what is reserved there")
    public WarehouseStockView count(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                                    @PathParam("warehouse") @Pattern(regexp = "[A-Z0-9_-]{1,32}") String warehouse,
                                    @Valid @NotNull WarehouseCount count) {
        return WarehouseStockView.of(counts.count(caller.scope(), sku, warehouse, count.onHand()));
    }
}
