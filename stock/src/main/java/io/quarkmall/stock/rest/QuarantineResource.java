package io.quarkmall.stock.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Returned units awaiting inspection, for the operator to release or write off; a merchant only its own SKUs'. */
@Path("/quarantine")
@RolesAllowed({"merchant", "admin"})
public class QuarantineResource {

    /** At most this many warehouses' stock in one answer, the longest waiting first. */
    static final int MOST = 200;

    private final CallerScope caller;

    QuarantineResource(CallerScope caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Stock of the caller's SKUs (an admin's: every SKU) with returned units in quarantine, per "
            + "warehouse, the longest waiting first, at most 200; decide on them with POST "
            + "/levels/{sku}/{warehouse}/quarantine-decisions")
    public List<WarehouseStockView> awaitingInspection() {
        return caller.scope().inQuarantine(MOST).stream().map(WarehouseStockView::of).toList();
    }
}
