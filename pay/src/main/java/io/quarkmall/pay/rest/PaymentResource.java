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
import jakarta.validation.constraints.Size;
import io.quarkmall.pay.channel.PaymentChannel.Presentation;
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
     * A payment request. {@code token} is a card's one-time PSP token (never a card number); it is
     * passed to the PSP and neither stored nor logged.
     */
    public record PayRequest(@NotNull @Positive Long orderId,
                             @NotNull @Pattern(regexp = "[a-z][a-z-]{0,19}", message = "must be a channel's name, "
                                     + "as GET /payments/channels lists them") String channel,
                             @Schema(description = "QR_CODE (desktop) or REDIRECT (phone) for alipay and wechat; TOKEN "
                                     + "for card (the default for card; QR_CODE is the default for the others)")
                             Presentation presentation,
                             @Pattern(regexp = "tok_[A-Za-z0-9_]{1,100}", message = "must be a card token (tok_...)")
                             String token,
                             @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL")
                             String returnUrl,
                             @Schema(description = "The id the client keeps for this device (risk control counts attempts "
                                     + "by device)")
                             @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1 to 64 letters, digits, _ or -")
                             String deviceId) {
        @Override
        public String toString() {
            return "PayRequest[orderId=" + orderId + ", channel=" + channel + ", presentation=" + presentation
                    + ", token=<redacted>]";
        }
    }

    /** What the shopper must do at the channel: scan a QR code, or go to the channel's page. */
    public record ActionView(String kind, String content) {}

    /** What a shopper sees of a payment. {@code retryable}: declined or closed while the order may still be paid. */
    /** {@code status} IN_REVIEW: risk control holds the attempt for an operator; an approval lets the shopper pay again. */
    public record PaymentView(long id, long orderId, String channel, String status, Money amount, Money refunded,
                              String failureReason, ActionView action, Instant createdAt, Instant paidAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.orderId(), p.channel(), p.status().name(), p.amount(), p.refundedAmount(),
                    p.failureReason(), p.status() == Payment.Status.PENDING && p.actionKind() != null
                            ? new ActionView(p.actionKind(), p.actionValue()) : null,
                    p.createdAt(), p.paidAt());
        }
    }

    @Inject
    JsonWebToken caller;
    @Inject
    PaymentService payments;


    @POST
    @Operation(summary = "Start an attempt to pay one of the caller's orders awaiting payment (Idempotency-Key "
            + "required). 201 with the attempt: CAPTURED or DECLINED at once for a card; PENDING with an action (a QR "
            + "code's content or a page to go to) for alipay and wechat, settled when the channel notifies pay. A "
            + "declined attempt leaves the order payable: start another. 404 if the order is not the caller's or not "
            + "yet payable; 409 if it is paid or cancelled; 503 if the channel (or cart-order, asked about an order "
            + "pay has not heard of yet) does not answer, or the channel's circuit is open; nothing was charged")
    @APIResponse(responseCode = "201", description = "The payment attempt and its outcome; a replay of the same Idempotency-Key returns it again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentView.class)))
    @Idempotent
    public Response pay(@NotNull @Valid PayRequest request) {
        var payment = payments.pay(caller.getSubject(), request.orderId(), new PaymentService.PayCommand(
                request.channel(), request.presentation(), request.token(), request.returnUrl(), request.deviceId()));
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
