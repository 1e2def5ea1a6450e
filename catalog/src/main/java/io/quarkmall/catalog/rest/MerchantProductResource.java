package io.quarkmall.catalog.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.catalog.domain.Product;
import io.quarkmall.catalog.domain.Product.SkuSpec;
import io.quarkmall.catalog.domain.Sku;
import io.quarkmall.catalog.rest.ProductViews.ProductView;
import io.quarkmall.catalog.service.ProductService;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** A merchant's own products: create with SKUs, edit, list, delist. Another merchant's product is 404. */
@Path("/merchant/products")
@RolesAllowed("merchant")
public class MerchantProductResource {

    public record PriceRequest(@Positive long amountMinor,
                               @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency) {}

    /** The money part of a points-plus-cash price: may be 0. */
    public record CashRequest(@PositiveOrZero long amountMinor,
                              @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency) {}

    public record SkuRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                                     message = "letters, digits, '.', '_' or '-', at most 64") String sku,
                             @Size(max = 10) Map<@NotBlank @Size(max = 40) String, @NotBlank @Size(max = 100) String> attributes,
                             @NotNull @Valid PriceRequest price,
                             @Positive Long pointsPrice,
                             @Valid CashRequest pointsCash,
                             @Min(1) Integer redeemLimitPerShopper,
                             @Min(1) @Max(Sku.MAX_WEIGHT_GRAMS) Integer weightGrams) {}

    public record ProductRequest(
            @NotEmpty @Size(max = 10) LinkedHashMap<@NotNull @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                    message = "must be a language tag such as zh-CN or en") String, @NotBlank @Size(max = 200) String> names,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid SkuRequest> skus) {}

    @Inject
    JsonWebToken caller;
    @Inject
    ProductService products;

    @POST
    @Operation(summary = "Create a draft product with its SKUs (Idempotency-Key required); the first name is the default. "
            + "A SKU with a pointsPrice can be redeemed in the points mall, for points plus pointsCash if set, at most "
            + "redeemLimitPerShopper units per shopper if set; 422 (redemption-terms-invalid) if pointsCash or the "
            + "limit come without a pointsPrice or pointsCash is in another currency than the price. weightGrams (1 to "
            + "100000, optional) is one packed unit's weight, which checkout's shipping fees are computed from")
    @APIResponse(responseCode = "201", description = "The product, created as a draft; a replay of the same Idempotency-Key returns it again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @Idempotent
    public Response create(@NotNull @Valid ProductRequest request) {
        var product = products.create(caller.getSubject(), request.names(), specs(request));
        return Response.status(201).entity(ProductView.of(product)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace the product's names and its SKUs' prices, points prices and attributes; new SKU "
            + "codes are added. A listed product's new prices apply to carts at once. 409 if a SKU is left out or a "
            + "new code is taken; 422 for points-mall terms as on create")
    public ProductView revise(@PathParam("id") long id, @NotNull @Valid ProductRequest request) {
        return ProductView.of(products.revise(caller.getSubject(), id, request.names(), specs(request)));
    }

    @POST
    @Path("/{id}/listing")
    @Operation(summary = "List the product: shoppers can find and buy it (Idempotency-Key required; 409 if listed)")
    @Idempotent
    public Response list(@PathParam("id") long id) {
        return Response.ok(ProductView.of(products.list(caller.getSubject(), id))).build();
    }

    @POST
    @Path("/{id}/delisting")
    @Operation(summary = "Delist the product: shoppers no longer find or buy it (Idempotency-Key required; 409 if not listed)")
    @Idempotent
    public Response delist(@PathParam("id") long id) {
        return Response.ok(ProductView.of(products.delist(caller.getSubject(), id))).build();
    }

    @GET
    @Operation(summary = "The calling merchant's own products, in every status")
    public List<ProductView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Product.ofMerchant(caller.getSubject(), page, size).stream().map(ProductView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the calling merchant's products; 404 for another merchant's")
    public ProductView one(@PathParam("id") long id) {
        return Product.ofMerchant(caller.getSubject(), id).map(ProductView::of)
                .orElseThrow(() -> ProblemException.notFound("Product " + id));
    }

    private static List<SkuSpec> specs(ProductRequest request) {
        List<SkuSpec> skus = request.skus().stream().map(MerchantProductResource::spec).toList();
        if (skus.stream().map(SkuSpec::code).distinct().count() != skus.size()) {
            throw new ProblemException(Problem.of("duplicate-sku", "Duplicate SKU", 400,
                    "Each SKU code may appear once in a product."));
        }
        refuseBadRedemptionTerms(skus);
        return skus;
    }

    private static SkuSpec spec(SkuRequest sku) {
        Money price = money(sku.price().amountMinor(), sku.price().currency());
        Money pointsCash = sku.pointsCash() == null ? null : money(sku.pointsCash().amountMinor(), sku.pointsCash().currency());
        return new SkuSpec(sku.sku(), sku.attributes() == null ? Map.of() : sku.attributes(), price, sku.pointsPrice(),
                pointsCash, sku.redeemLimitPerShopper(), sku.weightGrams());
    }

    private static Money money(long amountMinor, String currency) {
        try {
            return new Money(amountMinor, currency);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.",
                    List.of(new Problem.Violation("currency", e.getMessage()))));
        }
    }

    /** Points-mall terms that are well formed but do not fit together: 422, every fault named. */
    private static void refuseBadRedemptionTerms(List<SkuSpec> skus) {
        List<Problem.Violation> faults = skus.stream().flatMap(sku -> sku.redemptionFaults().entrySet().stream()
                .map(fault -> new Problem.Violation(fault.getKey(), "SKU " + sku.code() + ": " + fault.getValue()))).toList();
        if (!faults.isEmpty()) {
            Problem problem = Problem.of("redemption-terms-invalid", "Invalid points-mall terms", 422,
                    faults.stream().map(Problem.Violation::message).collect(Collectors.joining("; ")) + ".");
            throw new ProblemException(new Problem(problem.type(), problem.title(), 422, problem.detail(), faults));
        }
    }
}
