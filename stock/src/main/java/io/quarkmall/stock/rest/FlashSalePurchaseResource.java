package io.quarkmall.stock.rest;

import io.quarkmall.common.idempotency.IdempotentInUseCase;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.stock.domain.PurchaseOutcome;
import io.quarkmall.stock.service.FlashSaleGate.Attempt;
import io.quarkmall.stock.service.FlashSalePurchases;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The flash sale's buy path. Its Idempotency-Key is kept in Redis by the same Lua step that takes
 * the unit (a replay gets the first admission again, with {@code Idempotent-Replayed: true}), not
 * by common's {@code @Idempotent}, which would put PostgreSQL on the hottest path of the mall.
 */
@Path("/flash-sales/{id}/purchases")
public class FlashSalePurchaseResource {

    /** The answer to an admitted attempt: the ticket the order side turns into an order. */
    public record Admission(long saleId, PurchaseOutcome outcome, String ticketId) {}

    private final FlashSalePurchases purchases;
    private final CallerAddress addresses;
    private final JsonWebToken caller;

    FlashSalePurchaseResource(FlashSalePurchases purchases, CallerAddress addresses, JsonWebToken caller) {
        this.purchases = purchases;
        this.addresses = addresses;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("shopper")
    @IdempotentInUseCase("in Redis, by the Lua step that takes the unit (FlashSaleGate)")
    @Operation(summary = "Try to buy one unit: 201 ADMITTED with a ticket (200 for a replayed Idempotency-Key), or 409 "
            + "problem+json flash-sale-sold-out, -limit-reached, -not-started or -ended; 403 without a valid Sale-Token "
            + "header; 429 when attempted too often")
    public Uni<Response> buy(@PathParam("id") long saleId,
                             @HeaderParam("Idempotency-Key") @NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,200}") String key,
                             @HeaderParam("Sale-Token") String saleToken,
                             @Context HttpServerRequest request) {
        return purchases.buy(saleId, caller.getSubject(), key, saleToken, addresses.of(request))
                .map(attempt -> answer(saleId, attempt));
    }

    private static Response answer(long saleId, Attempt attempt) {
        return switch (attempt.outcome()) {
            case ADMITTED -> Response.status(201).entity(new Admission(saleId, PurchaseOutcome.ADMITTED, attempt.ticketId()))
                    .build();
            case REPLAYED -> Response.ok(new Admission(saleId, PurchaseOutcome.ADMITTED, attempt.ticketId()))
                    .header("Idempotent-Replayed", "true").build();
            case RATE_LIMITED -> FlashSaleProblems.tooMany(Math.max(1, (attempt.retryAfterMillis() + 999) / 1000));
            case SOLD_OUT -> refused("flash-sale-sold-out", "Sold out", "Every unit of flash sale " + saleId + " is taken.");
            case LIMIT_REACHED -> refused("flash-sale-limit-reached", "Limit reached",
                    "You have bought as many units of flash sale " + saleId + " as one shopper may.");
            case NOT_STARTED -> refused("flash-sale-not-started", "Not started", "Flash sale " + saleId + " has not started.");
            case ENDED -> refused("flash-sale-ended", "Ended", "Flash sale " + saleId + " has ended.");
        };
    }

    private static Response refused(String type, String title, String detail) {
        return Problem.of(type, title, 409, detail).toResponse();
    }
}
