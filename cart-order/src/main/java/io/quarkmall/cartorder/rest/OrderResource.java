package io.quarkmall.cartorder.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.ShippingOption;
import io.quarkmall.cartorder.rest.OrderViews.OrderSummary;
import io.quarkmall.cartorder.rest.OrderViews.OrderView;
import io.quarkmall.cartorder.rest.OrderViews.StepView;
import io.quarkmall.cartorder.loyalty.LoyaltyClient;
import io.quarkmall.cartorder.service.AddressSeals;
import io.quarkmall.cartorder.service.AfterSalesService;
import io.quarkmall.cartorder.service.CheckoutService;
import io.quarkmall.cartorder.service.ContactBook;
import io.quarkmall.cartorder.service.OrderService;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Checkout and the calling shopper's orders; another shopper's order is 404. */
@Path("/")
@RolesAllowed("shopper")
public class OrderResource {

    private static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    ContactBook contacts;
    @Context
    HttpHeaders headers;
    @Inject
    JsonWebToken caller;
    @Inject
    CheckoutService checkout;
    @Inject
    OrderService orders;
    @Inject
    AddressSeals addresses;
    @Inject
    AfterSalesService afterSales;

    @POST
    @Path("/checkout")
    @Operation(summary = "Order everything in the cart at today's prices (Idempotency-Key required): 201 with the "
            + "PENDING order; stock is then held or refused. 422 if the cart is empty or holds SKUs no longer for sale, "
            + "or if the caller's unpaid orders are at a limit (too-many-unpaid-orders, too-many-units-held: pay or "
            + "cancel one; the cart is kept), and if the points asked for exceed what points may pay (points-over-max-share). "
            + "Coupons (couponId, repeated) apply first, as loyalty computes them: a coupon that does not apply is 422 "
            + "coupon-not-applicable with each coupon's reason (violations: couponId=<id>), one not in the caller's wallet "
            + "422 coupon-not-yours, the cart kept either way; 503 coupons-unavailable (Retry-After) if loyalty cannot be "
            + "asked now (check out without coupons, or retry). Points then pay part of what the coupons left. loyalty "
            + "uses the coupons and holds the points before the order can be paid; if it cannot, the order is cancelled "
            + "(COUPONS_REFUSED, POINTS_REFUSED). The order goes to addressId, one of the caller's addresses (422 "
            + "address-not-yours, nothing ordered, for another's or an unknown one), else to the caller's default address, "
            + "else (a caller with no address) it is placed without one; the address is copied onto the order. It is "
            + "delivered by the chosen shipping service (GET /cart/shipping-options says what each costs), whose fee "
            + "is added to the total; 422 shipping-not-offered if that service does not serve the address's zone")
    @APIResponse(responseCode = "201", description = "The order, placed; stock is asked to hold its units; a replay of the same Idempotency-Key returns it again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "503", description = "Coupons were chosen and loyalty cannot quote them now: nothing was "
            + "ordered, the cart is kept (coupons-unavailable, with Retry-After)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Idempotent
    public Response checkout(
            @Parameter(description = "Points to pay part of the order with (100 points = ¥1 by default, at most half "
                    + "the goods after coupons); absent or 0: none")
            @QueryParam("points") @DefaultValue("0") @PositiveOrZero long points,
            @Parameter(description = "A coupon of the caller's wallet to apply, repeated for several (at most 20), in the "
                    + "order they should apply; absent: none")
            @QueryParam("couponId") @Size(max = 20) List<@NotNull @Positive Long> couponIds,
            @Parameter(description = "The caller's address to deliver to; absent: the caller's default address")
            @QueryParam("addressId") Long addressId,
            @Parameter(description = "The delivery service: STANDARD (the default) or EXPRESS")
            @QueryParam("shipping") String shipping) {
        if (couponIds.stream().distinct().count() != couponIds.size()) {
            throw new ProblemException(Problem.invalid("Each coupon can be chosen once.",
                    List.of(new Problem.Violation("couponId", "must not repeat a coupon"))));
        }
        contacts.remember(caller.getSubject(), ShopperIdentity.verifiedEmail(caller), ShopperIdentity.language(headers));
        var order = checkout.checkout(caller.getSubject(), points, couponIds, Optional.ofNullable(addressId),
                shippingOption(shipping));
        return Response.status(201).entity(view(order)).build();
    }

    @GET
    @Path("/orders")
    @Operation(summary = "The calling shopper's orders, newest first")
    public List<OrderSummary> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Order.ofShopper(caller.getSubject(), page, size).stream().map(OrderSummary::of).toList();
    }

    @GET
    @Path("/orders/{id}")
    @Operation(summary = "One of the caller's orders with its lines and timeline")
    public OrderView one(@PathParam("id") long id) {
        return view(owned(id));
    }

    @GET
    @Path("/orders/{id}/timeline")
    @Operation(summary = "Every step of one of the caller's orders, oldest first")
    public List<StepView> timeline(@PathParam("id") long id) {
        return owned(id).timeline().stream().map(StepView::of).toList();
    }

    @POST
    @Path("/orders/{id}/cancellation")
    @Operation(summary = "Cancel the order before it ships (Idempotency-Key required); a paid order is refunded. "
            + "409 once it has shipped")
    @Idempotent
    public Response cancel(@PathParam("id") long id) {
        return Response.ok(view(orders.cancelByShopper(caller.getSubject(), id))).build();
    }

    @POST
    @Path("/orders/{id}/receipt")
    @Operation(summary = "Confirm a delivered order arrived: it completes (Idempotency-Key required); 409 before delivery")
    @Idempotent
    public Response confirmReceipt(@PathParam("id") long id) {
        return Response.ok(view(orders.confirmReceipt(caller.getSubject(), id))).build();
    }

    @ServerExceptionMapper
    Response couponsUnavailable(LoyaltyClient.Unavailable e) {
        var problem = Problem.of("coupons-unavailable", "Coupons unavailable", 503, "Coupons cannot be checked right now, "
                + "so nothing was ordered and your cart is kept. Retry in " + RETRY_AFTER_SECONDS
                + " seconds, or check out without coupons.");
        return Response.fromResponse(problem.toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private OrderView view(Order order) {
        return OrderView.of(order, addresses.deliveryAddressOf(order), afterSales.offered(order));
    }

    private Order owned(long id) {
        return Order.ownedBy(caller.getSubject(), id).orElseThrow(() -> ProblemException.notFound("Order " + id));
    }

    /** The {@code shipping} parameter: STANDARD when absent, 400 when it names no service. */
    private static ShippingOption shippingOption(String shipping) {
        return StatusParam.named(ShippingOption.class, shipping, "shipping", "Unknown delivery service.")
                .orElse(ShippingOption.STANDARD);
    }
}
