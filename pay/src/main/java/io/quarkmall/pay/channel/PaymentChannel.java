package io.quarkmall.pay.channel;

import io.quarkmall.common.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One way to pay: Alipay, WeChat Pay, or a card through the PSP. The channel's own protocol (its
 * signatures, its encryption, its amounts in yuan or in fen) stays behind this interface; pay's
 * services see references, states and {@link Money} only.
 *
 * <p>Every call is idempotent by our reference: starting, refunding or closing the same reference again
 * never takes or gives money twice. Nothing here changes pay's own records: the caller decides what a
 * state means, and only from a verified source (an answer to our signed call, or a notification whose
 * signature {@link #verifyNotification} checked).
 *
 * <p>A call the channel did not answer, or answered with a transient error, throws
 * {@link ChannelUnavailable}: the caller may retry under the same reference.
 */
public interface PaymentChannel {

    /** The channel's name in the API and in pay's records: {@code alipay}, {@code wechat}, {@code card}. */
    String name();

    /** Asks the channel to take {@code request.amount()} under {@code request.reference()}. */
    Started start(ChargeRequest request);

    /** What the channel says now about the payment under this reference. */
    ChannelState query(String reference);

    /** Closes an unpaid payment at the channel so that it can no longer be paid; a paid one stays paid. */
    ChannelState close(String reference);

    /** Gives back {@code amount} of the payment {@code total}; the same refund reference never refunds twice. */
    RefundState refund(String reference, String refundReference, Money amount, Money total);

    /**
     * Checks a notification's signature (and decrypts it, where the channel encrypts) and reads it.
     *
     * @param headers the request's headers, names in lower case
     * @throws InvalidNotification if it is forged, tampered with, too old, or not readable
     */
    ChannelState verifyNotification(Map<String, String> headers, String body);

    /** What the channel expects back once a notification has been handled. */
    Acknowledgement acknowledgement();

    /** The channel's statement of one day (in China's time zone), for reconciliation. */
    List<StatementLine> statement(LocalDate day);

    /** How the shopper is shown the payment. */
    enum Presentation {
        /** A QR code the shopper scans with the wallet app (desktop). */
        QR_CODE,
        /** A page of the channel the browser is sent to (phone). */
        REDIRECT,
        /** A PSP token of a card, charged at once. */
        TOKEN
    }

    /**
     * @param reference our reference of the attempt (the channel's out_trade_no), stable across retries
     * @param subject what the shopper sees on the channel's page, e.g. "Quarkmall order 42"
     * @param token the PSP's card token, for {@link Presentation#TOKEN} only
     * @param returnUrl where the channel sends the browser back after a {@link Presentation#REDIRECT}, or null
     */
    record ChargeRequest(String reference, Money amount, String subject, Presentation presentation, String token,
                         String returnUrl) {
        /** The token never reaches a log. */
        @Override
        public String toString() {
            return "ChargeRequest[reference=" + reference + ", amount=" + amount + ", presentation=" + presentation
                    + ", token=<redacted>]";
        }
    }

    /** What the shopper is shown, or the outcome where the channel settles at once (cards). */
    sealed interface Started {
        record QrCode(String content) implements Started {}

        record Redirect(String url) implements Started {}

        record Settled(ChannelState state) implements Started {}
    }

    /** A payment as the channel sees it. */
    sealed interface ChannelState {
        String reference();

        /** The money was taken. {@code payer} is the channel's id of the payer (sensitive: encrypt it), or null. */
        record Paid(String reference, String tradeId, Money amount, String payer, Instant paidAt)
                implements ChannelState {}

        /** Created at the channel, not paid yet. */
        record Pending(String reference) implements ChannelState {}

        /** Refused by the channel (a declined card, an insufficient balance); {@code code} is the channel's word. */
        record Failed(String reference, String code) implements ChannelState {}

        /** Closed unpaid (by us, or expired at the channel). */
        record Closed(String reference) implements ChannelState {}

        /** The channel has no payment under this reference. */
        record NotFound(String reference) implements ChannelState {}
    }

    /** A refund as the channel sees it. */
    sealed interface RefundState {
        record Refunded(String refundReference, String refundId, Money amount) implements RefundState {}

        /** Accepted, the money is on its way; query again later. */
        record Processing(String refundReference) implements RefundState {}

        /** Refused for good (e.g. more than is left to refund); {@code code} is the channel's word. */
        record Refused(String refundReference, String code) implements RefundState {}
    }

    record Acknowledgement(int status, String contentType, String body) {}

    /** One line of a channel's daily statement. */
    record StatementLine(String reference, String tradeId, Kind kind, Money amount, Instant at) {
        public enum Kind { PAYMENT, REFUND }
    }
}
