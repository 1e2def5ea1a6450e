package io.quarkmall.stock.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.domain.WarehouseStock;
import io.quarkmall.stock.service.QuarantineService;
import io.quarkmall.stock.service.StockCountService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A SKU's stock per warehouse, and counts in any warehouse; a merchant only its own SKUs'. */
@Path("/levels")
@RolesAllowed({"merchant", "admin"})
public class LevelResource {

    /** A stock count: the units physically on hand in the warehouse. */
    public record WarehouseCount(@NotNull @PositiveOrZero @Max(1_000_000_000) Long onHand) {}

    /** What becomes of inspected units in quarantine. */
    public enum Outcome { RELEASE, WRITE_OFF }

    /** So many quarantined units released onto the shelf or written off, and why (kept in the movement's reason, at most 200 characters). */
    public record QuarantineDecision(@NotNull Outcome outcome, @NotNull @Positive @Max(1_000_000_000) Long units,
                                     @Size(max = 170) String note) {}

    private final CallerScope caller;
    private final StockCountService counts;
    private final QuarantineService quarantine;

    LevelResource(CallerScope caller, StockCountService counts, QuarantineService quarantine) {
        this.caller = caller;
        this.counts = counts;
        this.quarantine = quarantine;
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

    @POST
    @Path("/{sku}/{warehouse}/quarantine-decisions")
    @Operation(summary = "Decide on inspected units in quarantine (Idempotency-Key required): RELEASE them onto the shelf "
            + "(a QUARANTINE_RELEASED movement) or WRITE_OFF them (QUARANTINE_WRITTEN_OFF); 404 for an unknown SKU, "
            + "another merchant's or an unknown warehouse; 409 not-in-quarantine beyond what is quarantined there")
    @Idempotent
    public Response decide(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                           @PathParam("warehouse") @Pattern(regexp = "[A-Z0-9_-]{1,32}") String warehouse,
                           @Valid @NotNull QuarantineDecision decision) {
        String note = decision.note() == null || decision.note().isBlank() ? null : decision.note().strip();
        return Response.ok(WarehouseStockView.of(quarantine.decide(caller.scope(), sku, warehouse, decision.units(),
                decision.outcome() == Outcome.RELEASE, note))).build();
    }
}
