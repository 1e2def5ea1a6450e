package io.quarkmall.stack;

import io.quarkmall.stack.SandboxWechatPayLedger.Trade;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WeChat Pay sandbox's stand-in for the WeChat app: the page a code_url or h5_url opens, with two
 * buttons, {@code #pay} ("Pay") and {@code #decline} ("Decline"). What "Pay" does follows the trade's
 * script (default {@code success}): {@code success} pays and notifies at once; {@code decline} refuses
 * (PAYERROR); {@code timeout} never pays (NOTPAY until closed); {@code late} pays and notifies after
 * {@code delaySeconds} (default 5); {@code duplicate} pays and sends the notification twice at once.
 * An h5 page given {@code redirect_url} sends the browser there afterwards, whatever happened.
 */
final class SandboxWechatPayCashier {

    private record Script(String outcome, int delaySeconds) {}

    private static final Set<String> OUTCOMES = Set.of("success", "decline", "timeout", "late", "duplicate");

    private final SandboxWechatPayLedger ledger;
    private final SandboxWechatPayNotifier notifier;
    private final SandboxWechatPayKeys keys;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();

    SandboxWechatPayCashier(SandboxWechatPayLedger ledger, SandboxWechatPayNotifier notifier, SandboxWechatPayKeys keys) {
        this.ledger = ledger;
        this.notifier = notifier;
        this.keys = keys;
    }

    SandboxWechatPayNotifier notifier() {
        return notifier;
    }

    void routes(Router router) {
        router.get("/cashier/:outTradeNo").handler(this::page);
        router.post("/cashier/:outTradeNo/pay").handler(ctx -> act(ctx, true));
        router.post("/cashier/:outTradeNo/decline").handler(ctx -> act(ctx, false));
    }

    /** {@code POST /sandbox/trades/{out_trade_no}/script}: what "Pay" will do for this trade, before or after it exists. */
    void script(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        String outcome = body == null ? null : body.getString("outcome");
        if (outcome == null || !OUTCOMES.contains(outcome) || body.getInteger("delaySeconds", 0) < 0) {
            ctx.response().setStatusCode(400).end("outcome must be one of " + OUTCOMES + "; delaySeconds >= 0");
            return;
        }
        scripts.put(ctx.pathParam("outTradeNo"), new Script(outcome, body.getInteger("delaySeconds", 5)));
        ctx.response().setStatusCode(204).end();
    }

    private void page(RoutingContext ctx) {
        Trade trade = ledger.trades.get(ctx.pathParam("outTradeNo"));
        if (trade == null) {
            html(ctx, 404, "<p id=\"result\">No such trade.</p>");
            return;
        }
        String action = "/cashier/" + URLEncoder.encode(trade.outTradeNo, StandardCharsets.UTF_8);
        String redirect = ctx.queryParams().get("redirect_url");
        String hidden = redirect == null ? "" : "<input type=\"hidden\" name=\"redirect_url\" value=\"" + escape(redirect) + "\">";
        String state;
        synchronized (trade) {
            state = trade.state;
        }
        html(ctx, 200, """
                <h1>WeChat Pay (sandbox)</h1>
                <p id="description">%s</p>
                <p id="amount">¥%d.%02d</p>
                <p id="state">%s</p>
                %s""".formatted(escape(trade.description), trade.total / 100, trade.total % 100, state,
                !state.equals("NOTPAY") ? "" : """
                <form method="post" action="%1$s/pay">%2$s<button id="pay" type="submit">Pay</button></form>
                <form method="post" action="%1$s/decline">%2$s<button id="decline" type="submit">Decline</button></form>"""
                        .formatted(action, hidden)));
    }

    private void act(RoutingContext ctx, boolean pay) {
        Trade trade = ledger.trades.get(ctx.pathParam("outTradeNo"));
        if (trade == null) {
            html(ctx, 404, "<p id=\"result\">No such trade.</p>");
            return;
        }
        Script script = pay ? scripts.getOrDefault(trade.outTradeNo, new Script("success", 0)) : new Script("decline", 0);
        String result;
        boolean paid = false;
        synchronized (trade) {
            if (!trade.state.equals("NOTPAY")) {
                result = "This trade is " + trade.state + ".";
            } else if (script.outcome().equals("decline")) {
                trade.state = "PAYERROR";
                trade.stateDescription = "the payer declined";
                result = "Declined.";
            } else if (script.outcome().equals("timeout")) {
                result = "Waiting for the payer…";
            } else {
                trade.state = "SUCCESS";
                trade.stateDescription = "paid";
                trade.transactionId = "42" + SandboxWechatPayKeys.randomDigits(26);
                trade.openid = "o" + SandboxWechatPayKeys.nonce(27);
                trade.successTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                result = "Paid.";
                paid = true;
            }
        }
        if (paid) {
            notifier.send(trade.notifyUrl, "TRANSACTION.SUCCESS", "transaction", trade.json(keys),
                    script.outcome().equals("late") ? script.delaySeconds() : 0, script.outcome().equals("duplicate") ? 2 : 1);
        }
        String redirect = ctx.request().getFormAttribute("redirect_url");
        if (redirect != null && (redirect.startsWith("http://") || redirect.startsWith("https://"))) {
            ctx.response().setStatusCode(302).putHeader("Location", redirect).end();
        } else {
            html(ctx, 200, "<p id=\"result\">" + result + "</p>");
        }
    }

    private static void html(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .end("<!doctype html><html><head><meta charset=\"utf-8\"><title>WeChat Pay sandbox</title></head><body>"
                        + body + "</body></html>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
