package io.quarkmall.catalog.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.catalog.domain.Product;
import io.quarkmall.catalog.rest.ProductViews.ProductView;
import io.quarkmall.catalog.search.ProductSearch;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.logging.Logger;

/** What anybody may read: listed products and product search. */
@Path("/products")
@PermitAll
public class ProductResource {

    private static final Logger LOG = Logger.getLogger(ProductResource.class);

    @Inject
    ProductSearch search;

    @GET
    @Operation(summary = "Listed products, newest first (public); redeemable=true: only those with a SKU that has a "
            + "points price, for the points mall")
    public List<ProductView> listed(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                                    @Parameter(description = "true: only products a shopper can redeem with points")
                                    @QueryParam("redeemable") @DefaultValue("false") boolean redeemable) {
        var products = redeemable ? Product.listedRedeemable(page, size) : Product.listed(page, size);
        return products.stream().map(ProductView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One listed product with its SKUs; 404 if it does not exist or is not listed")
    public ProductView one(@PathParam("id") long id) {
        return Product.listedById(id).map(ProductView::of).orElseThrow(() -> ProblemException.notFound("Product " + id));
    }

    @GET
    @Path("/search")
    @Operation(summary = "Listed products matching the words of q in any language, typos tolerated, best first")
    public List<ProductSearch.Hit> search(@QueryParam("q") @NotBlank @Size(max = 200) String q,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(50) int page,
                                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        try {
            return search.search(q, page, size);
        } catch (IOException e) {
            LOG.warn("Product search is unavailable", e);
            throw new ProblemException(Problem.of("search-unavailable", "Search unavailable", 503,
                    "Product search is unavailable for a moment; browse the listed products or retry shortly."));
        }
    }
}
