package io.quarkmall.stock.rest;

import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.common.web.Paging;
import io.quarkmall.stock.domain.StockMovement;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The append-only ledger of a SKU's stock: every change of on hand in every warehouse. */
@Path("/movements")
@RolesAllowed({"merchant", "admin"})
public class MovementResource {

    private final CallerScope caller;

    MovementResource(CallerScope caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "A SKU's movements, newest first, optionally of one kind (RECEIPT, SALE, RETURN_TO_STOCK, "
            + "RETURN_TO_QUARANTINE, QUARANTINE_RELEASED, QUARANTINE_WRITTEN_OFF, ADJUSTMENT, TRANSFER_OUT, TRANSFER_IN); "
            + "404 for an unknown SKU or another merchant's")
    public List<MovementView> of(@QueryParam("sku") @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                                 @QueryParam("kind") StockMovement.Kind kind,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        caller.scope().level(sku).orElseThrow(() -> ProblemException.notFound("Stock for SKU " + sku));
        return StockMovement.pageOf(sku, kind, page, size).stream().map(MovementView::of).toList();
    }
}
