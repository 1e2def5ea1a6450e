package io.quarkmall.pay.domain.reconciliation;

import io.quarkmall.common.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One movement of money through a channel: a captured payment or a refund, as pay recorded it or
 * as the channel's statement lists it.
 *
 * @param reference our reference of it: for a payment the attempt's reference (the channel's
 *                  out_trade_no), for a refund the refund's reference (out_refund_no)
 * @param tradeId the channel's id of the payment or refund, or null if we never learnt it
 */
public record LedgerEntry(String reference, String tradeId, Kind kind, Money amount, Instant at) {

    public enum Kind { PAYMENT, REFUND }

    public LedgerEntry {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }
}
