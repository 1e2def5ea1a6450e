package io.quarkmall.stock.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.service.FlashSaleListings;
import io.quarkmall.stock.service.FlashSaleListings.Listing;
import io.quarkmall.stock.service.FlashSaleScheduling;
import io.quarkmall.stock.service.SaleTokenService;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Flash sales: scheduled by merchants and admins, listed to everyone, a sale token for shoppers. */
@Path("/flash-sales")
public class FlashSaleResource {

    /** A price as clients send it. */
    public record PriceRequest(@NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long amountMinor,
                               @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency) {}

    /** A sale to schedule: its window must start in the future and end after it starts. */
    public record ScheduleRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
            @NotNull @Positive @Max(1_000_000) Integer quantity,
            @NotNull @Valid PriceRequest price,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotNull @Positive @Max(1_000) Integer perShopperLimit) {}

    /** A sale as the storefront shows it, with the server's time so a countdown can be synchronised. */
    public record FlashSaleView(long id, String sku, Money price, int quantity, long remaining, int perShopperLimit,
                                Instant startsAt, Instant endsAt, FlashSale.Phase phase, Instant serverTime) {
        static FlashSaleView of(Listing l) {
            FlashSale s = l.sale();
            return new FlashSaleView(s.id(), s.sku(), s.price(), s.quantity(), l.remaining(), s.perShopperLimit(),
                    s.startsAt(), s.endsAt(), l.phase(), l.serverTime());
        }
    }

    private final FlashSaleScheduling scheduling;
    private final FlashSaleListings listings;
    private final SaleTokenService tokens;
    private final CallerAddress addresses;
    private final JsonWebToken caller;
    private final SecurityIdentity identity;

    FlashSaleResource(FlashSaleScheduling scheduling, FlashSaleListings listings, SaleTokenService tokens,
                      CallerAddress addresses, JsonWebToken caller, SecurityIdentity identity) {
        this.scheduling = scheduling;
        this.listings = listings;
        this.tokens = tokens;
        this.addresses = addresses;
        this.caller = caller;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({"merchant", "admin"})
    @Idempotent
    @Operation(summary = "Schedule a flash sale of one of the caller's SKUs (an admin: any SKU), setting its units "
            + "aside from the SKU's stock; 404 for a SKU catalog never announced or another merchant's; 409 when it "
            + "starts in the past, ends before it starts, or more units than available are asked for")
    public Response schedule(@NotNull @Valid ScheduleRequest request) {
        var terms = new FlashSale.Terms(request.sku(), request.quantity(), money(request.price()), request.startsAt(),
                request.endsAt(), request.perShopperLimit());
        var scheduled = scheduling.schedule(new OperatorScope(caller.getSubject(), identity.hasRole("admin")), terms)
                .orElseThrow(() -> ProblemException.notFound("Stock for SKU " + request.sku()));
        return Response.status(201).entity(FlashSaleView.of(scheduled)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Upcoming and live flash sales, soonest first (at most 100), with the units left and the "
            + "server's time for a countdown")
    public List<FlashSaleView> upcomingAndLive() {
        return listings.upcomingAndLive().stream().map(FlashSaleView::of).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One flash sale with the units left and the server's time; 404 when unknown")
    public FlashSaleView one(@PathParam("id") long id) {
        return listings.one(id).map(FlashSaleView::of).orElseThrow(() -> ProblemException.notFound("Flash sale " + id));
    }

    @GET
    @Path("/{id}/token")
    @RolesAllowed("shopper")
    @Operation(summary = "The caller's sale token for this sale, issued only within the token window before the start "
            + "and until the end (409 otherwise); 404 when unknown; 429 when asked too often")
    public SaleTokenService.Issued token(@PathParam("id") long id, @Context HttpServerRequest request) {
        return tokens.issue(id, caller.getSubject(), addresses.of(request));
    }

    private static Money money(PriceRequest price) {
        try {
            return new Money(price.amountMinor(), price.currency());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.",
                    List.of(new Problem.Violation("price.currency", "must be an ISO-4217 code"))));
        }
    }
}
