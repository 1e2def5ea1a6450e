package io.quarkmall.stock.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.stock.domain.StockAlert;
import io.quarkmall.stock.service.LowStockService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Low-stock alerts: one per time a SKU's available units in a warehouse fell to its threshold. */
@Path("/alerts")
@RolesAllowed({"merchant", "admin"})
public class AlertResource {

    public record AlertView(long id, String sku, String warehouse, long threshold, long available, Instant raisedAt) {
        static AlertView of(StockAlert a) {
            return new AlertView(a.id(), a.sku(), a.warehouseCode(), a.threshold(), a.available(), a.raisedAt());
        }
    }

    private final CallerScope caller;
    private final LowStockService lowStock;

    AlertResource(CallerScope caller, LowStockService lowStock) {
        this.caller = caller;
        this.lowStock = lowStock;
    }

    @GET
    @Operation(summary = "Low-stock alerts of the caller's SKUs (an admin's: all), newest first; ?sku= for one SKU's")
    public List<AlertView> page(@QueryParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return lowStock.alerts(caller.scope(), sku, page, size).stream().map(AlertView::of).toList();
    }
}
