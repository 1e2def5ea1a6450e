package io.quarkmall.pay.channel.card;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.channel.PaymentChannel;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.gateway.SandboxGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Cards through the sandbox PSP's first API (charge, void, whole refunds by charge id): until the
 * card channel speaks the PSP's full API, this is the {@code card} channel.
 */
@ApplicationScoped
public class LegacySandboxCardChannel implements PaymentChannel {

    private final SandboxGateway gateway;
    private final Clock clock;

    LegacySandboxCardChannel(SandboxGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "card";
    }

    @Override
    public Started start(ChargeRequest request) {
        try {
            return new Started.Settled(switch (gateway.charge(request.reference(), request.token(), request.amount())) {
                case SandboxGateway.Outcome.Captured c -> new ChannelState.Paid(request.reference(), c.chargeId(),
                        request.amount(), null, clock.instant());
                case SandboxGateway.Outcome.Declined d -> new ChannelState.Failed(request.reference(), "DECLINED");
                case SandboxGateway.Outcome.TimedOut t -> new ChannelState.Failed(request.reference(), "TIMEOUT");
            });
        } catch (SandboxGateway.GatewayUnavailable e) {
            throw new ChannelUnavailable(name(), e.getMessage());
        }
    }

    /** This API cannot be asked about a charge: a charge is settled when start answers (a timeout is voided). */
    @Override
    public ChannelState query(String reference) {
        return new ChannelState.NotFound(reference);
    }

    @Override
    public ChannelState close(String reference) {
        return new ChannelState.Closed(reference);
    }

    @Override
    public RefundState refund(String reference, String refundReference, Money amount, Money total) {
        if (!amount.equals(total)) {
            return new RefundState.Refused(refundReference, "PARTIAL_REFUND_UNSUPPORTED");
        }
        String chargeId = Payment.<Payment>find("reference", reference).firstResultOptional()
                .map(Payment::gatewayChargeId).orElse(null);
        if (chargeId == null) {
            return new RefundState.Refused(refundReference, "NO_CHARGE");
        }
        try {
            gateway.refund(chargeId, amount);
            return new RefundState.Refunded(refundReference, chargeId, amount);
        } catch (SandboxGateway.GatewayUnavailable e) {
            throw new ChannelUnavailable(name(), e.getMessage());
        }
    }

    @Override
    public ChannelState verifyNotification(Map<String, String> headers, String body) {
        throw new InvalidNotification("the sandbox PSP's first API sends no notifications");
    }

    @Override
    public Acknowledgement acknowledgement() {
        return new Acknowledgement(204, "text/plain", "");
    }

    @Override
    public List<StatementLine> statement(LocalDate day) {
        return List.of();
    }
}
