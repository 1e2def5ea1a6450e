package io.quarkmall.pay.service;

import io.quarkmall.common.money.Money;
import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.pay.cartorder.CartOrderApi.ShopperOrder;
import io.quarkmall.pay.cartorder.CartOrderClient;
import io.quarkmall.pay.config.PayConfig;
import io.quarkmall.pay.domain.PayableOrder;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.domain.PaymentEvent;
import io.quarkmall.pay.gateway.SandboxGateway;
import io.quarkmall.pay.gateway.SandboxGateway.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Takes payments for orders awaiting payment, and gives the money back when a paid order is
 * cancelled. The order's row is locked for the whole payment, and the PSP reference is the order
 * id, so neither two requests nor two replicas can charge an order twice.
 */
@ApplicationScoped
public class PaymentService {

    public static final String SANDBOX = "sandbox";
    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    private final SandboxGateway gateway;
    private final CartOrderClient cartOrder;
    private final Outbox outbox;
    private final Clock clock;
    private final PayConfig config;

    PaymentService(SandboxGateway gateway, CartOrderClient cartOrder, Outbox outbox, Clock clock, PayConfig config) {
        this.gateway = gateway;
        this.cartOrder = cartOrder;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void awaitPayment(long orderId, String shopperId, Money total) {
        PayableOrder.recordIfAbsent(orderId, shopperId, total, clock.instant());
    }

    /** Charges the caller's order once. A decline or a timeout fails the order's payment for good. */
    @Transactional
    public Payment pay(String shopperId, long orderId, String channel, String token) {
        PayableOrder order = lockPayable(shopperId, orderId);
        order.requirePayable();
        Outcome outcome;
        try {
            outcome = gateway.charge("order-" + orderId, token, order.amount());
        } catch (SandboxGateway.GatewayUnavailable e) {
            LOG.warn(e.getMessage());
            throw new ProblemException(Problem.of("gateway-unavailable", "Payment channel unavailable", 503,
                    "The payment channel did not answer; nothing was charged. Retry shortly."));
        }
        var now = clock.instant();
        Payment payment = switch (outcome) {
            case Outcome.Captured captured -> {
                order.paid(now);
                yield Payment.attempt(order, channel, Payment.Status.CAPTURED, captured.chargeId(), now);
            }
            case Outcome.Declined declined -> {
                order.failed(now);
                yield Payment.attempt(order, channel, Payment.Status.DECLINED, null, now);
            }
            case Outcome.TimedOut timedOut -> {
                order.failed(now);
                yield Payment.attempt(order, channel, Payment.Status.TIMED_OUT, null, now);
            }
        };
        payment.persistAndFlush();
        announce(PaymentEvent.outcomeOf(payment, order));
        return payment;
    }

    /**
     * The caller's order, locked for the whole payment. cart-order shows an order as awaiting payment
     * as soon as its stock is held, while its OrderAwaitingPayment may still be on its way here (or
     * pay's consumer lags, or is down). So an order pay has not heard of is looked up at cart-order,
     * as the caller, and recorded if it awaits payment, just as the event would record it.
     */
    private PayableOrder lockPayable(String shopperId, long orderId) {
        var known = PayableOrder.lockOwnedBy(shopperId, orderId);
        if (known.isPresent()) {
            return known.get();
        }
        ShopperOrder order = cartOrder.callersOrder(orderId).orElseThrow(() -> notAwaitingPayment(orderId));
        switch (order.status()) {
            case "STOCK_RESERVED" -> PayableOrder.recordIfAbsent(orderId, shopperId, order.total(), clock.instant());
            case "CANCELLED" -> throw PayableOrder.cancelled(orderId);
            default -> throw notAwaitingPayment(orderId);
        }
        return PayableOrder.lockOwnedBy(shopperId, orderId).orElseThrow(() -> notAwaitingPayment(orderId));
    }

    private static ProblemException notAwaitingPayment(long orderId) {
        return new ProblemException(Problem.of("payable-order-not-found", "Not found", 404, "You have no order "
                + orderId + " awaiting payment. A new order can be paid once its stock is held: retry in a moment."));
    }

    /**
     * A cancelled order can no longer be paid; if it was paid already, its refund is recorded here
     * and carried out by {@link #refundDue()}, so a gateway that is down delays it, never loses it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderCancelled(long orderId) {
        PayableOrder.lock(orderId).ifPresent(order -> {
            if (order.cancel(clock.instant())) {
                Payment.capturedFor(orderId).orElseThrow().refundRequested(clock.instant());
            }
        });
    }

    @Scheduled(every = "${quarkmall.pay.refund-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refundDue() {
        QuarkusTransaction.requiringNew().run(() -> Payment.refundsDue(clock.instant(), 20).forEach(this::refund));
    }

    private void refund(Payment payment) {
        try {
            gateway.refund(payment.gatewayChargeId(), payment.amount());
        } catch (SandboxGateway.GatewayUnavailable e) {
            payment.refundFailed(clock.instant());
            LOG.warnf("Refund of payment %d not taken yet, will retry: %s", payment.id(), e.getMessage());
            return;
        }
        payment.refunded();
        announce(new PaymentEvent.PaymentRefunded(payment.orderId(), payment.id(), payment.amount()));
    }

    private void announce(PaymentEvent event) {
        outbox.record(config.paymentTopic(), Long.toString(event.orderId()), event);
    }
}
