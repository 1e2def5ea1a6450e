package io.quarkmall.stock.rest;

import io.quarkmall.stock.domain.Availability;
import io.quarkmall.stock.domain.StockLevel;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Public: whether SKUs can be bought now, for product pages and carts. */
@Path("/availability")
@PermitAll
public class AvailabilityResource {

    @GET
    @Operation(summary = "Availability of up to 50 SKUs (?sku=A&sku=B): IN_STOCK, LOW (with how many are left) "
            + "or OUT_OF_STOCK; a SKU stock has never counted is OUT_OF_STOCK")
    public List<Availability> of(@QueryParam("sku") @NotEmpty @Size(max = 50)
                                 List<@Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> skus) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(skus));
        Map<String, StockLevel> levels = StockLevel.bySku(distinct);
        return distinct.stream()
                .map(sku -> Availability.of(sku, levels.containsKey(sku) ? levels.get(sku).available() : 0))
                .toList();
    }
}
