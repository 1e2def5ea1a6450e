package io.quarkmall.pay.channel.wechat;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.Refund;
import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.PaymentChannel.ChannelState;
import io.quarkmall.pay.channel.PaymentChannel.RefundState;
import io.quarkmall.pay.channel.PaymentChannel.StatementLine;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** What WeChat Pay's answers mean in the channel contract's words. Amounts are fen, CNY only. */
final class WechatPayAnswers {

    static final String CNY = "CNY";

    private WechatPayAnswers() {
    }

    /** A trade: SUCCESS and REFUND (refunded in part or whole) were paid; NOTPAY, USERPAYING and ACCEPT are not yet. */
    static ChannelState state(Transaction t) {
        String reference = t.getOutTradeNo();
        if (t.getTradeState() == null) {
            return new ChannelState.Pending(reference);
        }
        return switch (t.getTradeState()) {
            case SUCCESS, REFUND -> new ChannelState.Paid(reference, t.getTransactionId(),
                    new Money(t.getAmount().getTotal(), CNY), t.getPayer() == null ? null : t.getPayer().getOpenid(),
                    t.getSuccessTime() == null ? null : OffsetDateTime.parse(t.getSuccessTime()).toInstant());
            case NOTPAY, USERPAYING, ACCEPT -> new ChannelState.Pending(reference);
            case CLOSED, REVOKED -> new ChannelState.Closed(reference);
            case PAYERROR -> new ChannelState.Failed(reference, "PAYERROR");
        };
    }

    /** A refund: SUCCESS is done, PROCESSING is on its way, CLOSED and ABNORMAL will not be paid out. */
    static RefundState refund(Refund r, String refundReference) {
        if (r.getStatus() == null) {
            return new RefundState.Processing(refundReference);
        }
        return switch (r.getStatus()) {
            case SUCCESS -> new RefundState.Refunded(refundReference, r.getRefundId(), new Money(r.getAmount().getRefund(), CNY));
            case PROCESSING -> new RefundState.Processing(refundReference);
            case CLOSED, ABNORMAL -> new RefundState.Refused(refundReference, r.getStatus().name());
        };
    }

    /**
     * The sandbox's trade bill, a CSV whose first line names the columns
     * {@code time,transaction_id,out_trade_no,refund_id,out_refund_no,type,amount_fen,currency}; a payment's
     * line is referenced by out_trade_no and transaction_id, a refund's by out_refund_no and refund_id.
     */
    static List<StatementLine> statement(String csv) {
        var lines = new ArrayList<StatementLine>();
        for (String row : csv.split("\n")) {
            String[] f = row.split(",", -1);
            if (row.isBlank() || row.startsWith("time,") || f.length != 8) {
                continue;
            }
            boolean refund = f[5].equals("REFUND");
            lines.add(new StatementLine(refund ? f[4] : f[2], refund ? f[3] : f[1],
                    refund ? StatementLine.Kind.REFUND : StatementLine.Kind.PAYMENT, new Money(Long.parseLong(f[6]), f[7]),
                    OffsetDateTime.parse(f[0]).toInstant()));
        }
        return lines;
    }
}
