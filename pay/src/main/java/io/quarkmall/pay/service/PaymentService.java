package io.quarkmall.pay.service;

import io.quarkmall.common.money.Money;
import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.pay.cartorder.CartOrderApi.ShopperOrder;
import io.quarkmall.pay.cartorder.CartOrderClient;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.PaymentChannel;
import io.quarkmall.pay.channel.PaymentChannel.ChannelState;
import io.quarkmall.pay.channel.PaymentChannel.Presentation;
import io.quarkmall.pay.config.PayConfig;
import io.quarkmall.pay.config.RiskConfig;
import io.quarkmall.pay.domain.PayableOrder;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.domain.PaymentEvent;
import io.quarkmall.pay.domain.PaymentRefund;
import io.quarkmall.pay.domain.PaymentRefund.Reason;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.pay.domain.risk.AssessmentRequest;
import io.quarkmall.pay.domain.risk.ReviewDecided;
import io.quarkmall.pay.domain.risk.RiskVerdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Takes payments for orders awaiting payment, through any channel, attempt after attempt until one is
 * paid or the order's payment window closes; and gives money back. Every state comes from the channel
 * (the answer to our signed call, a verified notification, or our query), never from the browser.
 *
 * <p>Never twice: the order's row is locked while an attempt starts or settles; an earlier attempt still
 * pending is closed at its channel before a new one starts; at most one attempt per order keeps its
 * money (a unique index), and one the channel took anyway is refunded whole; each attempt and each
 * refund has its own reference at the channel, kept across retries, so the channel applies it once.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);
    /** The first API's name of the card channel; still accepted. */
    public static final String SANDBOX = "sandbox";
    public static final String CARD = "card";

    private final Channels channels;
    private final SensitiveData sensitive;
    private final RiskService risk;
    private final boolean screening;
    private final CartOrderClient cartOrder;
    private final Outbox outbox;
    private final Clock clock;
    private final PayConfig config;

    PaymentService(Channels channels, SensitiveData sensitive, RiskService risk, RiskConfig riskConfig, CartOrderClient cartOrder, Outbox outbox,
                   Clock clock, PayConfig config) {
        this.channels = channels;
        this.sensitive = sensitive;
        this.risk = risk;
        this.screening = riskConfig.screenPayments();
        this.cartOrder = cartOrder;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** How the shopper asked to pay. {@code token}: a card's PSP token (cards only); never stored or logged. */
    /** {@code deviceId}: the id the shopper's client keeps for its device (risk control counts attempts by it), or null. */
    public record PayCommand(String channel, Presentation presentation, String token, String returnUrl, String deviceId) {
        @Override
        public String toString() {
            return "PayCommand[channel=" + channel + ", presentation=" + presentation + ", token=<redacted>, device="
                    + deviceId + "]";
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void awaitPayment(long orderId, String shopperId, Money total) {
        PayableOrder.recordIfAbsent(orderId, shopperId, total, clock.instant());
    }

    /**
     * Starts a new attempt to pay the caller's order. A card settles at once; Alipay and WeChat Pay
     * answer with a QR code or a page for the shopper, and settle when the channel says so. A declined
     * attempt leaves the order payable: the shopper may try another card or channel.
     */
    @Transactional
    public Payment pay(String shopperId, long orderId, PayCommand command) {
        PaymentChannel channel = channels.named(SANDBOX.equals(command.channel()) ? CARD : command.channel());
        Presentation presentation = presentationFor(channel, command);
        channels.requireOpenForNewPayments(channel);
        // Earlier attempts are settled in a transaction of their own: one the channel reports paid pays the
        // order, and stays so even though this attempt is then refused (409).
        QuarkusTransaction.requiringNew().run(() ->
                PayableOrder.lockOwnedBy(shopperId, orderId).ifPresent(this::closeEarlierAttempts));
        PayableOrder order = lockPayable(shopperId, orderId);
        order.requirePayable();
        closeEarlierAttempts(order);
        order.requirePayable();
        Instant now = clock.instant();
        int attempt = Math.toIntExact(Payment.attemptsOf(orderId)) + 1;
        Payment payment = Payment.start(order, channel.name(), presentation.name(), attempt, now,
                config.channels().firstCheck());
        payment.persistAndFlush();
        if (screening && !order.riskCleared() && heldOrRefusedByRisk(payment, order, channel, command, now)) {
            return payment;
        }
        var request = new PaymentChannel.ChargeRequest(payment.reference(), order.amount(), "Quarkmall order " + orderId,
                presentation, command.token(), command.returnUrl());
        PaymentChannel.Started started;
        try {
            started = channels.call(channel, "start " + payment.reference(), c -> c.start(request));
        } catch (ChannelUnavailable e) {
            throw new ProblemException(Problem.of("channel-unavailable", "Payment channel unavailable", 503,
                    channel.name() + " did not answer; nothing was charged. Retry shortly, or pay with another channel."));
        }
        switch (started) {
            case PaymentChannel.Started.QrCode qr -> payment.awaitShopper("QR_CODE", qr.content(), now);
            case PaymentChannel.Started.Redirect redirect -> payment.awaitShopper("REDIRECT", redirect.url(), now);
            case PaymentChannel.Started.Settled settled -> apply(payment, order, settled.state());
        }
        return payment;
    }

    /**
     * Risk control scores the attempt before it reaches the channel: ALLOW lets it through; REVIEW holds
     * it for an operator; DECLINE refuses it (PaymentFailed; the order stays payable, and the next attempt
     * is scored again).
     */
    private boolean heldOrRefusedByRisk(Payment payment, PayableOrder order, PaymentChannel channel, PayCommand command,
                                        Instant now) {
        // No payer fingerprint yet: a card token is one entry of a card, not the card (the PSP's first API
        // gives no card fingerprint), and a wallet's payer is known only once paid.
        RiskVerdict verdict = risk.assess(new AssessmentRequest(order.shopperId(), order.orderId(), order.amount(),
                channel.name(), command.deviceId(), null, null, null, null, now));
        switch (verdict.decision()) {
            case ALLOW -> {
                return false;
            }
            case REVIEW -> payment.holdForReview(verdict.assessmentId(), now);
            case DECLINE -> {
                payment.refusedByRisk(now);
                announce(new PaymentEvent.PaymentFailed(order.orderId(), payment.id(), "DECLINED", order.shopperId()));
            }
        }
        return true;
    }

    /**
     * An operator decided a held attempt, in the deciding transaction (if this fails, the decision is
     * undone): approved, the order is cleared and the shopper pays again; declined, the attempt fails.
     */
    void reviewDecided(@Observes ReviewDecided decided) {
        PayableOrder.lock(decided.orderId()).ifPresent(order -> Payment.heldBy(decided.reviewId()).ifPresent(held -> {
            Instant now = clock.instant();
            if (!held.reviewed(decided.approved(), now)) {
                return;
            }
            if (decided.approved()) {
                order.clearRisk();
            } else {
                announce(new PaymentEvent.PaymentFailed(order.orderId(), held.id(), "DECLINED", order.shopperId()));
            }
        }));
    }

    private static Presentation presentationFor(PaymentChannel channel, PayCommand command) {
        boolean card = channel.name().equals(CARD);
        Presentation asked = command.presentation() != null ? command.presentation()
                : card ? Presentation.TOKEN : Presentation.QR_CODE;
        if (card != (asked == Presentation.TOKEN)) {
            throw new ProblemException(Problem.of("presentation-not-offered", "Presentation not offered", 400, card
                    ? "Cards are paid with a PSP token (presentation TOKEN)."
                    : channel.name() + " is paid by QR_CODE (desktop) or REDIRECT (phone)."));
        }
        if (card && (command.token() == null || command.token().isBlank())) {
            throw new ProblemException(Problem.of("token-required", "Card token required", 400,
                    "A card is paid with the PSP's token of it (tok_...), from the PSP's hosted card field."));
        }
        return asked;
    }

    /**
     * Closes the order's earlier attempts still pending at their channel, so that a shopper who already
     * scanned one QR code cannot pay twice. One the channel reports paid pays the order instead.
     */
    private void closeEarlierAttempts(PayableOrder order) {
        for (Payment earlier : Payment.pendingOf(order.orderId())) {
            PaymentChannel channel = channels.named(earlier.channel());
            ChannelState state;
            try {
                state = channels.call(channel, "close " + earlier.reference(), c -> c.close(earlier.reference()));
            } catch (ChannelUnavailable e) {
                throw new ProblemException(Problem.of("earlier-attempt-open", "Earlier attempt still open", 503,
                        "Your earlier payment of this order through " + channel.name() + " could not be closed yet, so a "
                                + "new one cannot start; nothing was charged. Retry shortly."));
            }
            apply(earlier, order, state);
            if (earlier.status() == Payment.Status.PENDING) {
                earlier.voided("CLOSED", clock.instant());
            }
        }
    }

    /**
     * The caller's order, locked for the whole attempt. cart-order shows an order as awaiting payment
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
     * A notification from a channel: verified (a forged one throws and changes nothing), then applied
     * once, however often it arrives and however late.
     */
    @Transactional
    public PaymentChannel.Acknowledgement notified(String channelName, Map<String, String> headers, String body) {
        PaymentChannel channel = channels.find(channelName).orElseThrow(() ->
                ProblemException.notFound("Payment channel " + channelName));
        ChannelState state = channel.verifyNotification(headers, body);
        var known = Payment.keyOf(state.reference(), channel.name());
        if (known.isEmpty()) {
            LOG.errorf("%s notified %s about %s, which pay has no attempt of: reconciliation will report it",
                    channel.name(), state.getClass().getSimpleName(), state.reference());
            return channel.acknowledgement();
        }
        settle(known.get().paymentId(), known.get().orderId(), state);
        return channel.acknowledgement();
    }

    /**
     * Applies what the channel said about one attempt, under the order's lock (taken before the payment's).
     * Neither may have been read before in this transaction: a locked read would return the stale copy.
     */
    private void settle(long paymentId, long orderId, ChannelState state) {
        PayableOrder order = PayableOrder.lock(orderId).orElseThrow();
        Payment payment = Payment.lockById(paymentId).orElseThrow();
        apply(payment, order, state);
    }

    /**
     * What a channel's word does to an attempt. Paid pays the order, unless another attempt paid it
     * first or it was cancelled: then the money is recorded and refunded whole. Applied twice, the
     * second time changes nothing.
     */
    private void apply(Payment payment, PayableOrder order, ChannelState state) {
        Instant now = clock.instant();
        switch (state) {
            case ChannelState.Paid paid -> {
                boolean keep = order.status() == PayableOrder.Status.PAYABLE && paid.amount().equals(payment.amount());
                if (!payment.captured(paid.tradeId(), paid.paidAt() == null ? now : paid.paidAt(), !keep, now)) {
                    return;
                }
                if (paid.payer() != null && !paid.payer().isBlank()) {
                    payment.payer(sensitive.seal(payment.shopperId(), SensitiveData.payerField(payment.channel()),
                            paid.payer()));
                }
                if (keep) {
                    order.paid(now);
                    announce(new PaymentEvent.PaymentSucceeded(order.orderId(), payment.id(), payment.channel(),
                            payment.amount(), order.shopperId()));
                } else {
                    LOG.warnf("Payment %d was taken by %s after order %d was %s: refunding it whole", payment.id(),
                            payment.channel(), order.orderId(), order.status());
                    PaymentRefund.ask(payment, "surplus-" + payment.id(), payment.amount(), Reason.SURPLUS_PAYMENT, now)
                            .persist();
                }
            }
            case ChannelState.Failed failed -> {
                if (payment.declined(failed.code(), now)) {
                    String reason = "TIMEOUT".equals(failed.code()) ? "TIMEOUT" : "DECLINED";
                    announce(new PaymentEvent.PaymentFailed(order.orderId(), payment.id(), reason, order.shopperId()));
                }
            }
            case ChannelState.Closed closed -> payment.voided("CLOSED", now);
            case ChannelState.Pending pending -> { }
            case ChannelState.NotFound notFound -> { }
        }
    }

    /** One pending attempt the channel is to be asked about: queried while its order is payable, closed after. */
    public record Check(long paymentId, long orderId, String channel, String reference, boolean orderPayable,
                        Instant createdAt) {}

    @Transactional
    public java.util.List<Check> checksDue(int limit) {
        return Payment.checksDue(clock.instant(), limit).stream().map(id -> {
            Payment p = Payment.findById(id);
            boolean payable = PayableOrder.<PayableOrder>findByIdOptional(p.orderId())
                    .map(o -> o.status() == PayableOrder.Status.PAYABLE).orElse(false);
            return new Check(p.id(), p.orderId(), p.channel(), p.reference(), payable, p.createdAt());
        }).toList();
    }

    /** Asks the channel about a pending attempt (outside any transaction: a slow channel holds no lock). */
    public ChannelState ask(Check check) {
        PaymentChannel channel = channels.named(check.channel());
        return check.orderPayable()
                ? channels.call(channel, "query " + check.reference(), c -> c.query(check.reference()))
                : channels.call(channel, "close " + check.reference(), c -> c.close(check.reference()));
    }

    /** Applies the channel's answer about a pending attempt; one still pending is asked again later. */
    @Transactional
    public void checked(Check check, ChannelState state) {
        settle(check.paymentId(), check.orderId(), state);
        Payment payment = Payment.findById(check.paymentId());
        if (payment.status() != Payment.Status.PENDING) {
            return;
        }
        Instant now = clock.instant();
        if (state instanceof ChannelState.NotFound && !check.orderPayable()) {
            payment.voided("NOT_AT_CHANNEL", now);
        } else {
            payment.checkedStillPending(now);
        }
    }

    @Transactional
    public void checkFailed(Check check) {
        Payment.<Payment>findByIdOptional(check.paymentId()).ifPresent(p -> p.checkedStillPending(clock.instant()));
    }

    /**
     * A cancelled order can no longer be paid; if it was paid already, its refund is recorded here
     * and carried out by {@link RefundJob}, so a channel that is down delays it, never loses it.
     * Attempts still pending are closed at their channel by the next check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderCancelled(long orderId) {
        PayableOrder.lock(orderId).ifPresent(order -> {
            Instant now = clock.instant();
            if (order.cancel(now)) {
                Payment kept = Payment.keptFor(orderId).orElseThrow();
                Money left = kept.refundable(PaymentRefund.askedOf(kept));
                if (left.amountMinor() > 0) {
                    PaymentRefund.ask(kept, "cancel-" + orderId, left, Reason.ORDER_CANCELLED, now).persist();
                }
            }
            Payment.pendingOf(orderId).forEach(p -> p.checkNow(now));
        });
    }

    /**
     * cart-order approved an after-sales request (OrderRefundApproved): its money goes back once,
     * under the request's reference, capped by what the order's payment still holds (an operator
     * may have refunded part of it meanwhile), and is announced as PaymentRefunded once the channel
     * has made it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refundApproved(long orderId, Money amount, String refundReference) {
        if (PaymentRefund.byReference(refundReference).isPresent()) {
            return;
        }
        // amount never changes; what was asked of it is read after the lock
        var kept = Payment.keptFor(orderId).flatMap(p -> Payment.lockById(p.id()));
        if (kept.isEmpty()) {
            LOG.warnf("After-sales refund %s names order %d, which no payment here paid; nothing refunded",
                    refundReference, orderId);
            announce(new PaymentEvent.PaymentRefundDeclined(orderId, refundReference, "NO_PAYMENT"));
            return;
        }
        Money left = kept.get().refundable(PaymentRefund.askedOf(kept.get()));
        Money refund = amount.amountMinor() <= left.amountMinor() ? amount : left;
        if (refund.amountMinor() == 0) {
            LOG.warnf("After-sales refund %s of order %d: the payment has nothing left to give back", refundReference,
                    orderId);
            announce(new PaymentEvent.PaymentRefundDeclined(orderId, refundReference, "NOTHING_LEFT"));
            return;
        }
        PaymentRefund.ask(kept.get(), refundReference, refund, Reason.REQUESTED, clock.instant()).persist();
    }

    /** An operator gives back part or all of a payment (after-sales); once per refund reference. */
    @Transactional
    public PaymentRefund refund(long paymentId, Money amount, String refundReference) {
        if (amount.amountMinor() <= 0) {
            throw new ProblemException(Problem.of("invalid-refund-amount", "Invalid refund amount", 400,
                    "A refund gives back a positive amount."));
        }
        var existing = PaymentRefund.byReference(refundReference);
        if (existing.isPresent()) {
            if (existing.get().paymentId() != paymentId || !existing.get().amount().equals(amount)) {
                throw new RuleViolation("refund-reference-reused", "Refund reference " + refundReference
                        + " was used for another refund.");
            }
            return existing.get();
        }
        Payment payment = Payment.lockById(paymentId).orElseThrow(() -> ProblemException.notFound("Payment " + paymentId));
        if (payment.surplus()) {
            throw new RuleViolation("payment-not-refundable", "Payment " + paymentId
                    + " was taken after its order had been paid, and is refunded whole already.");
        }
        payment.requireRefundable(amount, PaymentRefund.askedOf(payment));
        var refund = PaymentRefund.ask(payment, refundReference, amount, Reason.REQUESTED, clock.instant());
        refund.persist();
        return refund;
    }

    void announce(PaymentEvent event) {
        outbox.record(config.paymentTopic(), Long.toString(event.orderId()), event);
    }
}
