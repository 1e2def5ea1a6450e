package io.quarkmall.pay.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.pay.cartorder.CartOrderClient;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.service.PaymentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A shopper pays their own orders and reads their own payments; anybody else's is 404. */
@Path("/payments")
@RolesAllowed("shopper")
public class PaymentResource {

    /** Seconds a shopper is asked to wait when cart-order could not say whether the order awaits payment. */
    static final int RETRY_AFTER_SECONDS = 2;

    /**
     * A payment request. {@code token} is the channel's one-time token (a PSP card token, never a
     * card number); it is passed to the channel and neither stored nor logged.
     */
    public record PayRequest(@NotNull @Positive Long orderId,
                             @NotNull @Pattern(regexp = PaymentService.SANDBOX,
                                     message = "must be a channel this mall offers: sandbox") String channel,
                             @NotNull @Pattern(regexp = "tok_[A-Za-z0-9_]{1,100}", message = "must be a channel token (tok_...)")
                             String token) {
        @Override
        public String toString() {
            return "PayRequest[orderId=" + orderId + ", channel=" + channel + ", token=<redacted>]";
        }
    }

    /** What a shopper sees of a payment. */
    public record PaymentView(long id, long orderId, String channel, String status, Money amount, String failureReason,
                              Instant createdAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.orderId(), p.channel(), p.status().name(), p.amount(), p.failureReason(),
                    p.createdAt());
        }
    }

    @Inject
    JsonWebToken caller;
    @Inject
    PaymentService payments;

    @POST
    @Operation(summary = "Pay one of the caller's orders awaiting payment (Idempotency-Key required). 201 with the "
            + "outcome: CAPTURED, DECLINED or TIMED_OUT; 404 if the order is not the caller's or not yet payable; "
            + "409 if it is paid, failed or cancelled; 503 with Retry-After if the payment channel, or cart-order "
            + "(asked about an order pay has not heard of yet), does not answer")
    @APIResponse(responseCode = "201", description = "The payment attempt and its outcome; a replay of the same Idempotency-Key returns it again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentView.class)))
    @Idempotent
    public Response pay(@NotNull @Valid PayRequest request) {
        var payment = payments.pay(caller.getSubject(), request.orderId(), request.channel(), request.token());
        return Response.status(201).entity(PaymentView.of(payment)).build();
    }

    @GET
    @Operation(summary = "The calling shopper's payments, newest first")
    public List<PaymentView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Payment.ofShopper(caller.getSubject(), page, size).stream().map(PaymentView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's payments; 404 for anybody else's")
    public PaymentView one(@PathParam("id") long id) {
        return Payment.ownedBy(caller.getSubject(), id).map(PaymentView::of)
                .orElseThrow(() -> ProblemException.notFound("Payment " + id));
    }

    @ServerExceptionMapper
    Response orderServiceUnavailable(CartOrderClient.Unavailable e) {
        var problem = Problem.of("order-service-unavailable", "Order service unavailable", 503, "We could not check "
                + "that this order awaits payment; nothing was charged. Retry in " + RETRY_AFTER_SECONDS + " seconds.");
        return Response.fromResponse(problem.toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
