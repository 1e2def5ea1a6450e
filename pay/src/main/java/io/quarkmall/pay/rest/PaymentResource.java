package io.quarkmall.pay.rest;

import io.quarkmall.pay.domain.Payment;
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

@Path("/payments")
@RolesAllowed("shopper")
public class PaymentResource {

    /** What a shopper sees of a payment. */
    public record PaymentView(long id, long orderId, String channel, String status, long amountMinor,
                              String currency, Instant createdAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.orderId(), p.channel(), p.status(), p.amountMinor(), p.currency(),
                    p.createdAt());
        }
    }

    @Inject
    JsonWebToken caller;

    @GET
    @Operation(summary = "The calling shopper's payments, newest first")
    public List<PaymentView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Payment.ofShopper(caller.getSubject(), page, size).stream().map(PaymentView::of).toList();
    }
}
