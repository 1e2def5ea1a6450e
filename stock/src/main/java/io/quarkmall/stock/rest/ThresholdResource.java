package io.quarkmall.stock.rest;

import io.quarkmall.stock.service.LowStockService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Low-stock thresholds per SKU and warehouse. */
@Path("/thresholds")
@RolesAllowed({"merchant", "admin"})
public class ThresholdResource {

    /** Alert when available falls to this many units or fewer. */
    public record Threshold(@NotNull @PositiveOrZero @Max(1_000_000_000) Long threshold) {}

    private final CallerScope caller;
    private final LowStockService lowStock;

    ThresholdResource(CallerScope caller, LowStockService lowStock) {
        this.caller = caller;
        this.lowStock = lowStock;
    }

    @PUT
    @Path("/{sku}/{warehouse}")
    @Operation(summary = "Set the low-stock threshold of one of the caller's SKUs in a warehouse: an alert (row and "
            + "StockLow event) each time available falls to it, once per crossing; a SKU already at or below it "
            + "alerts at once; 404 for an unknown SKU, another merchant's or an unknown warehouse")
    public WarehouseStockView set(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                                  @PathParam("warehouse") @Pattern(regexp = "[A-Z0-9_-]{1,32}") String warehouse,
                                  @Valid @NotNull Threshold threshold) {
        return WarehouseStockView.of(lowStock.alertAt(caller.scope(), sku, warehouse, threshold.threshold()));
    }

    @DELETE
    @Path("/{sku}/{warehouse}")
    @Operation(summary = "Remove the low-stock threshold; 404 as for setting it")
    public Response remove(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                           @PathParam("warehouse") @Pattern(regexp = "[A-Z0-9_-]{1,32}") String warehouse) {
        lowStock.alertAt(caller.scope(), sku, warehouse, null);
        return Response.noContent().build();
    }
}
