package io.quarkmall.catalog.rest;

import io.quarkmall.catalog.domain.Product;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/")
public class ProductResource {

    /** What a client sees of a product. */
    public record ProductView(long id, String name, String status, Instant createdAt) {
        static ProductView of(Product p) {
            return new ProductView(p.id(), p.name(), p.status().name(), p.createdAt());
        }
    }

    @Inject
    JsonWebToken caller;

    @GET
    @Path("/products")
    @PermitAll
    @Operation(summary = "Listed products, newest first (public)")
    public List<ProductView> listed(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Product.listed(page, size).stream().map(ProductView::of).toList();
    }

    @GET
    @Path("/merchant/products")
    @RolesAllowed("merchant")
    @Operation(summary = "The calling merchant's own products, in every status")
    public List<ProductView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Product.ofMerchant(caller.getSubject(), page, size).stream().map(ProductView::of).toList();
    }
}
