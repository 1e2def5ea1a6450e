package io.quarkmall.stock.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.stock.service.ReceiptService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Purchase receipts: units a supplier delivered, put on a warehouse's shelf (a RECEIPT movement). */
@Path("/receipts")
@RolesAllowed({"merchant", "admin"})
public class ReceiptResource {

    public record Receipt(@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                          @NotNull @Pattern(regexp = "[A-Z0-9_-]{1,32}") String warehouse,
                          @NotNull @Positive @Max(1_000_000_000) Long quantity,
                          @Size(min = 1, max = 200) String reference) {}

    private final CallerScope caller;
    private final ReceiptService receipts;

    ReceiptResource(CallerScope caller, ReceiptService receipts) {
        this.caller = caller;
        this.receipts = receipts;
    }

    @POST
    @Idempotent
    @Operation(summary = "Receive units of one of the caller's SKUs into a warehouse (Idempotency-Key required); "
            + "400 for a quantity that is not positive, 404 for an unknown SKU, another merchant's or an unknown "
            + "warehouse")
    public Response receive(@Valid @NotNull Receipt receipt) {
        var movement = receipts.receive(caller.scope(), receipt.sku(), receipt.warehouse(), receipt.quantity(),
                receipt.reference());
        return Response.status(201).entity(MovementView.of(movement)).build();
    }
}
