package io.quarkmall.pay.domain.reconciliation;

import io.quarkmall.common.money.Money;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One difference between our records and a channel's statement, with a sentence that says it.
 * The side that has no line has no amount (nulls).
 */
@Embeddable
public record Mismatch(@Enumerated(EnumType.STRING) Kind kind, @Enumerated(EnumType.STRING) LedgerEntry.Kind lineKind,
                       String reference, String tradeId, Long ourAmountMinor, String ourCurrency,
                       Long channelAmountMinor, String channelCurrency, String detail) {

    public enum Kind {
        /** We recorded it; the channel's statement does not list it. */
        MISSING_AT_CHANNEL,
        /** The channel lists it; we have no record of it. */
        MISSING_IN_OURS,
        /** Both have it, for different amounts (or currencies). */
        AMOUNT_DIFFERS,
        /** The channel lists it more than once. */
        DUPLICATE_AT_CHANNEL,
        /** We recorded it more than once. */
        DUPLICATE_IN_OURS
    }

    static Mismatch of(Kind kind, LedgerEntry ours, LedgerEntry theirs, String detail) {
        LedgerEntry any = ours != null ? ours : theirs;
        String tradeId = theirs != null && theirs.tradeId() != null ? theirs.tradeId() : any.tradeId();
        return new Mismatch(kind, any.kind(), any.reference(), tradeId,
                ours == null ? null : ours.amount().amountMinor(), ours == null ? null : ours.amount().currency(),
                theirs == null ? null : theirs.amount().amountMinor(), theirs == null ? null : theirs.amount().currency(),
                detail);
    }

    /** Our amount, or null if we have no line. */
    public Money ourAmount() {
        return ourAmountMinor == null ? null : new Money(ourAmountMinor, ourCurrency);
    }

    /** The channel's amount, or null if it has no line. */
    public Money channelAmount() {
        return channelAmountMinor == null ? null : new Money(channelAmountMinor, channelCurrency);
    }
}
