package io.quarkmall.pay.domain.reconciliation;

import java.time.LocalDate;
import java.util.List;

/**
 * Pay's own records of the money that went through a channel on one day, for reconciliation with
 * the channel's statement of that day. Implemented over pay's payment and refund records.
 */
public interface ReconciliationLedger {

    /**
     * Our captured payments and completed refunds through {@code channel} whose time falls on
     * {@code day} in China's time zone (Asia/Shanghai), as the channels' statements count days.
     * A payment refunded later is still listed as a payment on the day it was captured.
     *
     * @param channel a channel's {@code PaymentChannel.name()}
     */
    List<LedgerEntry> entriesOf(String channel, LocalDate day);
}
