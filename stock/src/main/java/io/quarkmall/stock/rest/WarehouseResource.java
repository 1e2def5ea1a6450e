package io.quarkmall.stock.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.stock.domain.Warehouse;
import io.quarkmall.stock.service.WarehouseService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The warehouses stock is kept in: every operator reads them, an admin opens them. */
@Path("/warehouses")
@RolesAllowed({"merchant", "admin"})
public class WarehouseResource {

    public record WarehouseView(String code, String name, String region, double latitude, double longitude) {
        static WarehouseView of(Warehouse w) {
            return new WarehouseView(w.code(), w.name(), w.region(), w.latitude(), w.longitude());
        }
    }

    public record NewWarehouse(@NotNull @Pattern(regexp = "[A-Z0-9_-]{1,32}") String code,
                               @NotBlank @Size(max = 200) String name,
                               @NotBlank @Size(max = 64) String region,
                               @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                               @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    private final WarehouseService warehouses;

    WarehouseResource(WarehouseService warehouses) {
        this.warehouses = warehouses;
    }

    @GET
    @Operation(summary = "Every warehouse, by code (DEFAULT is where stock was kept before there were several)")
    public List<WarehouseView> all() {
        return Warehouse.all().stream().map(WarehouseView::of).toList();
    }

    @POST
    @Idempotent
    @RolesAllowed("admin")
    @Operation(summary = "Open a warehouse (admin; Idempotency-Key required); 409 warehouse-exists for a code "
            + "already taken, 400 for a malformed code or coordinates out of range")
    public Response open(@Valid @NotNull NewWarehouse w) {
        var opened = warehouses.open(w.code(), w.name(), w.region(), w.latitude(), w.longitude());
        return Response.status(201).entity(WarehouseView.of(opened)).build();
    }
}
