package io.quarkmall.stack;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the WeChat Pay sandbox remembers: trades by out_trade_no, refunds by out_refund_no, and the
 * statement mismatches a test planted. A trade's changes happen under its own lock, so a refund's
 * check of what is left to refund and its booking are one step.
 */
final class SandboxWechatPayLedger {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** A refund refused for a reason WeChat Pay names: {@code status} and {@code code} of its error answer. */
    static final class Refusal extends RuntimeException {
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    static final class Trade {
        final String outTradeNo;
        final String tradeType;
        final String description;
        final long total;
        final String notifyUrl;
        final List<Refund> refunds = new ArrayList<>();
        String transactionId;
        String state = "NOTPAY";
        String stateDescription = "not paid";
        String openid;
        Instant successTime;

        Trade(String outTradeNo, String tradeType, String description, long total, String notifyUrl) {
            this.outTradeNo = outTradeNo;
            this.tradeType = tradeType;
            this.description = description;
            this.total = total;
            this.notifyUrl = notifyUrl;
        }

        synchronized long refunded() {
            return refunds.stream().mapToLong(r -> r.amount).sum();
        }

        /** A trade as {@code GET /v3/pay/transactions/out-trade-no/{}} answers it, and as its notification carries it. */
        synchronized JsonObject json(SandboxWechatPayKeys keys) {
            var json = new JsonObject().put("appid", keys.appid()).put("mchid", keys.mchid()).put("out_trade_no", outTradeNo)
                    .put("trade_type", tradeType).put("trade_state", state).put("trade_state_desc", stateDescription)
                    .put("attach", "").put("amount", new JsonObject().put("total", total).put("currency", "CNY"));
            if (successTime != null) {
                json.put("transaction_id", transactionId).put("bank_type", "OTHERS").put("success_time", time(successTime))
                        .put("payer", new JsonObject().put("openid", openid))
                        .getJsonObject("amount").put("payer_total", total).put("payer_currency", "CNY");
            }
            return json;
        }
    }

    record Refund(String outRefundNo, String refundId, Trade trade, long amount, Instant at, String notifyUrl) {
        JsonObject json() {
            return new JsonObject().put("refund_id", refundId).put("out_refund_no", outRefundNo)
                    .put("transaction_id", trade.transactionId).put("out_trade_no", trade.outTradeNo).put("channel", "ORIGINAL")
                    .put("user_received_account", "支付用户零钱").put("create_time", time(at)).put("success_time", time(at))
                    .put("status", "SUCCESS").put("funds_account", "AVAILABLE")
                    .put("amount", new JsonObject().put("total", trade.total).put("refund", amount).put("payer_total", trade.total)
                            .put("payer_refund", amount).put("settlement_total", trade.total).put("settlement_refund", amount)
                            .put("discount_refund", 0).put("currency", "CNY"));
        }
    }

    /** One line of a planted statement mismatch: an amount changed, a line missing, or a line we never had. */
    record Plant(String kind, String outTradeNo, long amount, LocalDate day) {}

    final Map<String, Trade> trades = new ConcurrentHashMap<>();
    final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    final List<Plant> plants = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Refunds {@code amount} of {@code trade} once under {@code outRefundNo}; the same number answers the first refund. */
    Refund refund(Trade trade, String outRefundNo, long amount, long total, String notifyUrl) {
        synchronized (trade) {
            Refund earlier = refunds.get(outRefundNo);
            if (earlier != null) {
                if (earlier.trade() != trade || earlier.amount() != amount) {
                    throw new Refusal(400, "INVALID_REQUEST", "out_refund_no was used for another refund");
                }
                return earlier;
            }
            if (!trade.state.equals("SUCCESS") && !trade.state.equals("REFUND")) {
                throw new Refusal(400, "TRADE_NOT_PAID", "the trade is " + trade.state + ", nothing to refund");
            }
            if (total != trade.total) {
                throw new Refusal(400, "PARAM_ERROR", "amount.total is not the trade's total");
            }
            if (amount <= 0 || trade.refunded() + amount > trade.total) {
                throw new Refusal(400, "INVALID_REQUEST", "the refund exceeds what is left to refund");
            }
            var refund = new Refund(outRefundNo, "50" + SandboxWechatPayKeys.randomDigits(27), trade, amount,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), notifyUrl);
            trade.refunds.add(refund);
            trade.state = "REFUND";
            trade.stateDescription = "refunded";
            refunds.put(outRefundNo, refund);
            return refund;
        }
    }

    /**
     * The trade bill of one day (in China's time), after the planted mismatches. One header line, then one
     * line per payment and refund: {@code time,transaction_id,out_trade_no,refund_id,out_refund_no,type,amount_fen,currency}.
     */
    String tradeBill(LocalDate day) {
        var lines = new ArrayList<String>();
        for (Trade trade : trades.values()) {
            synchronized (trade) {
                if (trade.successTime != null && dayOf(trade.successTime).equals(day)) {
                    lines.add(line(trade.successTime, trade.transactionId, trade.outTradeNo, "", "", "PAYMENT",
                            plantedAmount(trade.outTradeNo, day, trade.total)));
                }
                for (Refund r : trade.refunds) {
                    if (dayOf(r.at()).equals(day)) {
                        lines.add(line(r.at(), trade.transactionId, trade.outTradeNo, r.refundId(), r.outRefundNo(), "REFUND",
                                r.amount()));
                    }
                }
            }
        }
        plants.stream().filter(p -> p.kind().equals("extra") && p.day().equals(day)).forEach(p -> lines.add(line(
                day.atTime(12, 0).toInstant(CHINA), "42" + SandboxWechatPayKeys.randomDigits(26), p.outTradeNo(), "", "",
                "PAYMENT", p.amount())));
        lines.removeIf(l -> plants.stream().anyMatch(p -> p.kind().equals("missing") && p.day().equals(day)
                && l.contains("," + p.outTradeNo() + ",,,PAYMENT,")));
        lines.sort(null);
        lines.add(0, "time,transaction_id,out_trade_no,refund_id,out_refund_no,type,amount_fen,currency");
        return String.join("\n", lines) + "\n";
    }

    private long plantedAmount(String outTradeNo, LocalDate day, long amount) {
        return plants.stream().filter(p -> p.kind().equals("amount") && p.day().equals(day) && p.outTradeNo().equals(outTradeNo))
                .mapToLong(Plant::amount).reduce((a, b) -> b).orElse(amount);
    }

    private static String line(Instant at, String transactionId, String outTradeNo, String refundId, String outRefundNo,
                               String type, long amount) {
        return String.join(",", time(at), transactionId, outTradeNo, refundId, outRefundNo, type, Long.toString(amount), "CNY");
    }

    static LocalDate dayOf(Instant at) {
        return at.atOffset(CHINA).toLocalDate();
    }

    static String time(Instant at) {
        return OffsetDateTime.ofInstant(at, CHINA).format(RFC3339);
    }
}
