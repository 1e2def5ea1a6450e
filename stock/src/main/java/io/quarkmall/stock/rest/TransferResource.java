package io.quarkmall.stock.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.common.web.Paging;
import io.quarkmall.stock.domain.StockTransfer;
import io.quarkmall.stock.service.TransferService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Transfers of a SKU between warehouses: REQUESTED (units held at the source), IN_TRANSIT (off its
 * shelf, sellable nowhere), RECEIVED (on the destination's shelf), or CANCELLED before dispatch.
 */
@Path("/transfers")
@RolesAllowed({"merchant", "admin"})
public class TransferResource {

    public record TransferView(long id, String sku, String from, String to, long quantity, StockTransfer.Status status,
                               String reference, String requestedBy, Instant requestedAt, Instant updatedAt) {
        static TransferView of(StockTransfer t) {
            return new TransferView(t.id(), t.sku(), t.fromWarehouse(), t.toWarehouse(), t.quantity(), t.status(),
                    t.reference(), t.requestedBy(), t.requestedAt(), t.updatedAt());
        }
    }

    public record NewTransfer(@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                              @NotNull @Pattern(regexp = "[A-Z0-9_-]{1,32}") String from,
                              @NotNull @Pattern(regexp = "[A-Z0-9_-]{1,32}") String to,
                              @NotNull @Positive @Max(1_000_000_000) Long quantity,
                              @Size(min = 1, max = 200) String reference) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "from and to must be two different warehouses")
        public boolean isBetweenTwoWarehouses() {
            return from == null || !from.equals(to);
        }
    }

    private final CallerScope caller;
    private final TransferService transfers;

    TransferResource(CallerScope caller, TransferService transfers) {
        this.caller = caller;
        this.transfers = transfers;
    }

    @POST
    @Idempotent
    @Operation(summary = "Request a transfer of one of the caller's SKUs (Idempotency-Key required): the units are "
            + "held at the source at once; 400 for a quantity that is not positive or the same source and "
            + "destination, 404 for an unknown SKU, another merchant's or an unknown warehouse, 409 not-enough-stock "
            + "when the source has fewer available")
    public Response request(@Valid @NotNull NewTransfer t) {
        var transfer = transfers.request(caller.scope(), t.sku(), t.from(), t.to(), t.quantity(), t.reference());
        return Response.status(201).entity(TransferView.of(transfer)).build();
    }

    @POST
    @Path("/{id}/dispatch")
    @Idempotent
    @Operation(summary = "Dispatch a REQUESTED transfer: its units leave the source (TRANSFER_OUT) and are in transit, "
            + "sellable nowhere (Idempotency-Key required); 404 for an unknown transfer or another merchant's, "
            + "409 transfer-not-requested in any other status")
    public Response dispatch(@PathParam("id") long id) {
        return Response.ok(TransferView.of(transfers.dispatch(caller.scope(), id))).build();
    }

    @POST
    @Path("/{id}/receive")
    @Idempotent
    @Operation(summary = "Receive an IN_TRANSIT transfer: its units are on the destination's shelf (TRANSFER_IN; "
            + "Idempotency-Key required); 404 as for dispatch, 409 transfer-not-in-transit otherwise")
    public Response receive(@PathParam("id") long id) {
        return Response.ok(TransferView.of(transfers.receive(caller.scope(), id))).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Idempotent
    @Operation(summary = "Cancel a REQUESTED transfer: its held units are available at the source again "
            + "(Idempotency-Key required); 404 as for dispatch, 409 transfer-not-requested once dispatched")
    public Response cancel(@PathParam("id") long id) {
        return Response.ok(TransferView.of(transfers.cancel(caller.scope(), id))).build();
    }

    @GET
    @Operation(summary = "Transfers of the caller's SKUs (an admin's: all), newest first; ?sku= for one SKU's")
    public List<TransferView> page(@QueryParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return transfers.page(caller.scope(), sku, page, size).stream().map(TransferView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One transfer; 404 for an unknown transfer or another merchant's")
    public TransferView one(@PathParam("id") long id) {
        return transfers.one(caller.scope(), id).map(TransferView::of)
                .orElseThrow(() -> ProblemException.notFound("Transfer " + id));
    }
}
