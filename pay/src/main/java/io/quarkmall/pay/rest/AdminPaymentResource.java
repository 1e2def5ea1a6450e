package io.quarkmall.pay.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.common.web.Paging;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.domain.PaymentRefund;
import io.quarkmall.pay.rest.PaymentResource.PaymentView;
import io.quarkmall.pay.service.PaymentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The console's view of payments and refunds, and refunds by an operator (admin). */
@Path("/admin")
@RolesAllowed("admin")
public class AdminPaymentResource {

    public record RefundView(long id, long paymentId, String refundReference, Money amount, String reason,
                             String status, String refusal, int attempts, Instant createdAt, Instant doneAt) {
        static RefundView of(PaymentRefund r) {
            return new RefundView(r.id(), r.paymentId(), r.refundReference(), r.amount(), r.reason(), r.status().name(),
                    r.refusal(), r.attempts(), r.createdAt(), r.doneAt());
        }
    }

    /** One payment as the console sees it: the shopper's view, whose it is, its channel reference and refunds. */
    public record AdminPaymentView(PaymentView payment, String shopperId, String reference, String tradeId,
                                   boolean surplus, List<RefundView> refunds) {
        static AdminPaymentView of(Payment p) {
            return new AdminPaymentView(PaymentView.of(p), p.shopperId(), p.reference(), p.gatewayChargeId(), p.surplus(),
                    PaymentRefund.ofPayment(p.id()).stream().map(RefundView::of).toList());
        }
    }

    public record RefundRequest(@NotNull @Valid Money amount) {}

    @Inject
    PaymentService payments;

    @GET
    @Path("/payments")
    @Operation(summary = "Payments, newest first; optionally one status or one order's")
    public List<AdminPaymentView> payments(@QueryParam("status") @Pattern(regexp = "PENDING|CAPTURED|PARTIALLY_REFUNDED"
                                                   + "|REFUNDED|DECLINED|VOIDED|TIMED_OUT") String status,
                                           @QueryParam("orderId") @Min(1) Long orderId,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Payment.newest(Optional.ofNullable(status).map(Payment.Status::valueOf), Optional.ofNullable(orderId),
                page, size).stream().map(AdminPaymentView::of).toList();
    }

    @GET
    @Path("/payments/{id}")
    @Operation(summary = "One payment with its refunds")
    public AdminPaymentView payment(@PathParam("id") long id) {
        return Payment.<Payment>findByIdOptional(id).map(AdminPaymentView::of)
                .orElseThrow(() -> ProblemException.notFound("Payment " + id));
    }

    @POST
    @Path("/payments/{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Refund part or all of a captured payment (Idempotency-Key required; it is also the refund's "
            + "reference at the channel, so the money goes back once). 201 with the refund, carried out by a retrying "
            + "job; 409 if the payment kept no money, or less is left to refund")
    public Response refund(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                           @NotNull @Valid RefundRequest request) {
        var refund = payments.refund(id, request.amount(), "op-" + id + "-" + shortHash(key));
        return Response.status(201).entity(RefundView.of(refund)).build();
    }

    /** Channels take refund references of 64 characters at most; the key's hash keeps it short and unique. */
    private static String shortHash(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/refunds")
    @Operation(summary = "Refunds, newest first; optionally one status")
    public List<RefundView> refunds(@QueryParam("status") @Pattern(regexp = "PENDING|PROCESSING|DONE|REFUSED") String status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PaymentRefund.newest(Optional.ofNullable(status).map(PaymentRefund.Status::valueOf), page, size).stream()
                .map(RefundView::of).toList();
    }
}
