package io.quarkmall.pay.service;

import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.PaymentChannel.ChannelState;
import io.quarkmall.pay.channel.PaymentChannel.RefundState;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.domain.PaymentEvent;
import io.quarkmall.pay.domain.PaymentRefund;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * What pay does by itself: asks channels about attempts still pending (a notification may never come),
 * closes the attempts of cancelled orders, and carries out refunds, retrying while a channel refuses.
 */
@ApplicationScoped
public class PaymentJobs {

    private static final Logger LOG = Logger.getLogger(PaymentJobs.class);
    private static final int BATCH = 20;

    private final PaymentService payments;
    private final Channels channels;
    private final Clock clock;

    PaymentJobs(PaymentService payments, Channels channels, Clock clock) {
        this.payments = payments;
        this.channels = channels;
        this.clock = clock;
    }

    @Scheduled(every = "${quarkmall.pay.channels.check-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkPending() {
        for (PaymentService.Check check : payments.checksDue(BATCH)) {
            ChannelState state;
            try {
                state = payments.ask(check);
            } catch (ChannelUnavailable e) {
                LOG.warnf("Payment %d still unknown, will ask again: %s", check.paymentId(), e.getMessage());
                payments.checkFailed(check);
                continue;
            }
            payments.checked(check, state);
        }
    }

    @Scheduled(every = "${quarkmall.pay.refund-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refundDue() {
        QuarkusTransaction.requiringNew().run(() -> PaymentRefund.due(clock.instant(), BATCH).forEach(this::refund));
    }

    private void refund(PaymentRefund refund) {
        // Locked: refunds of one payment (an operator's, an after-sales one) may be due on two replicas at once.
        Payment payment = Payment.lockById(refund.paymentId()).orElseThrow();
        RefundState state;
        try {
            state = channels.call(channels.named(payment.channel()), "refund " + refund.refundReference(),
                    c -> c.refund(payment.reference(), refund.refundReference(), refund.amount(), payment.amount()));
        } catch (ChannelUnavailable e) {
            refund.retryLater(clock.instant());
            LOG.warnf("Refund %s not taken yet, will retry: %s", refund.refundReference(), e.getMessage());
            return;
        }
        switch (state) {
            case RefundState.Refunded done -> {
                refund.done(done.refundId(), clock.instant());
                payment.refunded(refund.amount(), clock.instant());
                if (!payment.surplus()) {
                    payments.announce(new PaymentEvent.PaymentRefunded(payment.orderId(), payment.id(), refund.amount(),
                            refund.refundReference()));
                }
            }
            case RefundState.Processing processing -> refund.processing(clock.instant());
            case RefundState.Refused refused -> {
                refund.refused(refused.code(), clock.instant());
                LOG.errorf("%s refused refund %s of payment %d for good (%s): an operator must look at it",
                        payment.channel(), refund.refundReference(), payment.id(), refused.code());
                if (!payment.surplus()) {
                    payments.announce(new PaymentEvent.PaymentRefundDeclined(payment.orderId(), refund.refundReference(),
                            "REFUSED_BY_CHANNEL"));
                }
            }
        }
    }
}
