package io.quarkmall.pay.service;

import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.domain.PaymentRefund;
import io.quarkmall.pay.domain.reconciliation.LedgerEntry;
import io.quarkmall.pay.domain.reconciliation.ReconciliationLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Our side of reconciliation: the payments a channel took and the refunds it made, on one day in China's time. */
@ApplicationScoped
public class PaymentLedger implements ReconciliationLedger {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Override
    @Transactional
    public List<LedgerEntry> entriesOf(String channel, LocalDate day) {
        var from = day.atStartOfDay(CHINA).toInstant();
        var to = day.plusDays(1).atStartOfDay(CHINA).toInstant();
        var entries = new ArrayList<LedgerEntry>();
        for (Payment p : Payment.paidThrough(channel, from, to)) {
            entries.add(new LedgerEntry(p.reference(), p.gatewayChargeId(), LedgerEntry.Kind.PAYMENT, p.amount(), p.paidAt()));
        }
        for (PaymentRefund r : PaymentRefund.doneThrough(channel, from, to)) {
            entries.add(new LedgerEntry(r.refundReference(), r.channelRefundId(), LedgerEntry.Kind.REFUND, r.amount(),
                    r.doneAt()));
        }
        return entries;
    }
}
