package io.quarkmall.stack;

import io.quarkmall.stack.SandboxWechatPayLedger.Trade;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local WeChat Pay API v3 for runs and tests, speaking the protocol the official SDK
 * ({@code com.github.wechatpay-apiv3:wechatpay-java}) speaks: each request's
 * {@code WECHATPAY2-SHA256-RSA2048} Authorization is verified with the merchant's public key, each answer
 * is signed with the platform key in the {@code Wechatpay-*} headers (the SDK's public-key mode,
 * {@code RSAPublicKeyConfig}), and paid trades and refunds are notified, encrypted with the APIv3 key
 * ({@link SandboxWechatPayNotifier}). Amounts are fen, CNY only. Keys: {@link SandboxWechatPayKeys}.
 *
 * <p>The payer's side is a cashier page at the code_url / h5_url ({@link SandboxWechatPayCashier}).
 * Sandbox-only controls (no signature): {@code POST /sandbox/trades/{out_trade_no}/script} with
 * {@code {"outcome":"success|decline|timeout|late|duplicate","delaySeconds":n}},
 * {@code POST /sandbox/statements/mismatch} with {@code {"kind":"amount|missing|extra","out_trade_no":..,
 * "amount":fen,"bill_date":"yyyy-MM-dd"}}, and {@code POST /sandbox/faults} with
 * {@code {"count":n,"status":500|503}}: the next n API calls answer SYSTEM_ERROR.
 */
final class SandboxWechatPay implements Server {

    static final String BASE_URL = "http://" + Readiness.HOST + ":" + Ports.SANDBOX_WECHAT;
    private static final Pattern AUTH_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9A-Za-z_\\-|*]{6,32}");

    private final StackLayout layout;
    private final SandboxWechatPayLedger ledger = new SandboxWechatPayLedger();
    private final Map<String, String> bills = new ConcurrentHashMap<>();
    private final Set<String> notifiedRefunds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private volatile int faultStatus = 500;
    private SandboxWechatPayKeys keys;
    private SandboxWechatPayCashier cashier;
    private Vertx vertx;

    SandboxWechatPay(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return "sandbox-wechat";
    }

    @Override
    public int port() {
        return Ports.SANDBOX_WECHAT;
    }

    @Override
    public void start() throws Exception {
        keys = SandboxWechatPayKeys.loadOrCreate(layout);
        vertx = Vertx.vertx();
        cashier = new SandboxWechatPayCashier(ledger, new SandboxWechatPayNotifier(vertx, keys), keys);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(65_536));
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.route("/v3/*").handler(this::faultOrSignature);
        router.post("/v3/pay/transactions/native").handler(ctx -> prepay(ctx, "NATIVE"));
        router.post("/v3/pay/transactions/h5").handler(ctx -> prepay(ctx, "MWEB"));
        router.get("/v3/pay/transactions/out-trade-no/:outTradeNo").handler(this::query);
        router.post("/v3/pay/transactions/out-trade-no/:outTradeNo/close").handler(this::close);
        router.post("/v3/refund/domestic/refunds").handler(this::refund);
        router.get("/v3/refund/domestic/refunds/:outRefundNo").handler(this::queryRefund);
        router.get("/v3/bill/tradebill").handler(this::tradeBill);
        router.get("/v3/billdownload/file").handler(this::downloadBill);
        router.route("/v3/*").handler(ctx -> answer(ctx, 404, error("NOT_FOUND", "no such API in the sandbox")));
        cashier.routes(router);
        router.post("/sandbox/trades/:outTradeNo/script").handler(cashier::script);
        router.post("/sandbox/statements/mismatch").handler(this::plantMismatch);
        router.post("/sandbox/faults").handler(this::faults);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(Ports.SANDBOX_WECHAT, Readiness.HOST)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (server.actualPort() != Ports.SANDBOX_WECHAT) {
            throw new IllegalStateException("The WeChat Pay sandbox could not bind port " + Ports.SANDBOX_WECHAT);
        }
    }

    /** A planted fault answers first; otherwise only the merchant's fresh signature lets a call through. */
    private void faultOrSignature(RoutingContext ctx) {
        if (faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(ctx, faultStatus, error("SYSTEM_ERROR", "the sandbox was told to fail this call"));
            return;
        }
        String refusal = signatureRefusal(ctx);
        if (refusal != null) {
            answer(ctx, 401, error("SIGN_ERROR", refusal));
        } else {
            ctx.next();
        }
    }

    private String signatureRefusal(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith(SandboxWechatPayKeys.SIGN_TYPE + " ")) {
            return "Authorization is missing or not " + SandboxWechatPayKeys.SIGN_TYPE;
        }
        Map<String, String> token = new ConcurrentHashMap<>();
        Matcher m = AUTH_PARAM.matcher(authorization);
        while (m.find()) {
            token.put(m.group(1), m.group(2));
        }
        if (!keys.mchid().equals(token.get("mchid")) || !keys.merchantSerial().equals(token.get("serial_no"))) {
            return "unknown mchid or merchant certificate serial_no";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(token.getOrDefault("timestamp", ""));
        } catch (NumberFormatException e) {
            return "timestamp is not a number";
        }
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            return "timestamp is more than five minutes off";
        }
        String body = ctx.body().asString() == null ? "" : ctx.body().asString();
        String message = ctx.request().method().name() + "\n" + ctx.request().uri() + "\n" + timestamp + "\n"
                + token.get("nonce_str") + "\n" + body + "\n";
        return keys.signedByMerchant(message, token.getOrDefault("signature", "")) ? null : "the signature does not verify";
    }

    private void prepay(RoutingContext ctx, String tradeType) {
        JsonObject body = json(ctx);
        JsonObject amount = body == null ? null : body.getJsonObject("amount");
        String outTradeNo = body == null ? null : body.getString("out_trade_no");
        if (body == null || amount == null || !(amount.getValue("total") instanceof Integer total) || total <= 0
                || blank(body.getString("description")) || blank(body.getString("notify_url"))
                || outTradeNo == null || !OUT_TRADE_NO.matcher(outTradeNo).matches()
                || !"CNY".equals(amount.getString("currency", "CNY"))
                || tradeType.equals("MWEB") && (body.getJsonObject("scene_info") == null
                        || blank(body.getJsonObject("scene_info").getString("payer_client_ip")))) {
            answer(ctx, 400, error("PARAM_ERROR", "appid, mchid, description, out_trade_no (6-32 characters), notify_url, "
                    + "amount.total (fen, CNY) and for h5 scene_info.payer_client_ip are required"));
            return;
        }
        if (!keys.mchid().equals(body.getString("mchid")) || !keys.appid().equals(body.getString("appid"))) {
            answer(ctx, 400, error("APPID_MCHID_NOT_MATCH", "appid and mchid do not match"));
            return;
        }
        var fresh = new Trade(outTradeNo, tradeType, body.getString("description"), total, body.getString("notify_url"));
        Trade trade = ledger.trades.computeIfAbsent(outTradeNo, k -> fresh);
        String state;
        synchronized (trade) {
            state = trade.state;
        }
        if (trade.total != total || !trade.tradeType.equals(tradeType)) {
            answer(ctx, 400, error("INVALID_REQUEST", "out_trade_no was used with other parameters"));
        } else if (state.equals("SUCCESS") || state.equals("REFUND")) {
            answer(ctx, 400, error("ORDERPAID", "the trade is paid"));
        } else if (state.equals("CLOSED")) {
            answer(ctx, 400, error("ORDER_CLOSED", "the trade is closed"));
        } else {
            String cashierUrl = BASE_URL + "/cashier/" + URLEncoder.encode(outTradeNo, StandardCharsets.UTF_8);
            answer(ctx, 200, tradeType.equals("NATIVE") ? new JsonObject().put("code_url", cashierUrl)
                    : new JsonObject().put("h5_url", cashierUrl + "?prepay_id=wx" + SandboxWechatPayKeys.randomDigits(20)));
        }
    }

    private void query(RoutingContext ctx) {
        Trade trade = ledger.trades.get(ctx.pathParam("outTradeNo"));
        if (!keys.mchid().equals(ctx.queryParams().get("mchid"))) {
            answer(ctx, 400, error("PARAM_ERROR", "mchid is required and must be the merchant's"));
        } else if (trade == null) {
            answer(ctx, 404, error("ORDER_NOT_EXIST", "no trade under this out_trade_no"));
        } else {
            answer(ctx, 200, trade.json(keys));
        }
    }

    private void close(RoutingContext ctx) {
        Trade trade = ledger.trades.get(ctx.pathParam("outTradeNo"));
        if (trade == null) {
            answer(ctx, 404, error("ORDER_NOT_EXIST", "no trade under this out_trade_no"));
            return;
        }
        synchronized (trade) {
            if (trade.state.equals("SUCCESS") || trade.state.equals("REFUND")) {
                answer(ctx, 400, error("ORDERPAID", "the trade is paid and cannot be closed"));
                return;
            }
            trade.state = "CLOSED";
            trade.stateDescription = "closed";
        }
        answer(ctx, 204, null);
    }

    private void refund(RoutingContext ctx) {
        JsonObject body = json(ctx);
        JsonObject amount = body == null ? null : body.getJsonObject("amount");
        if (body == null || amount == null || blank(body.getString("out_trade_no")) || blank(body.getString("out_refund_no"))
                || !(amount.getValue("refund") instanceof Number refund) || !(amount.getValue("total") instanceof Number total)
                || !"CNY".equals(amount.getString("currency"))) {
            answer(ctx, 400, error("PARAM_ERROR", "out_trade_no, out_refund_no and amount.refund, total, currency (CNY) are required"));
            return;
        }
        Trade trade = ledger.trades.get(body.getString("out_trade_no"));
        if (trade == null) {
            answer(ctx, 404, error("RESOURCE_NOT_EXISTS", "no trade under this out_trade_no"));
            return;
        }
        try {
            var done = ledger.refund(trade, body.getString("out_refund_no"), refund.longValue(), total.longValue(),
                    body.getString("notify_url"));
            answer(ctx, 200, done.json());
            if (!blank(done.notifyUrl()) && notifiedRefunds.add(done.outRefundNo())) {
                cashier.notifier().send(done.notifyUrl(), "REFUND.SUCCESS", "refund", refundNotification(done), 0, 1);
            }
        } catch (SandboxWechatPayLedger.Refusal refusal) {
            answer(ctx, refusal.status, error(refusal.code, refusal.getMessage()));
        }
    }

    private JsonObject refundNotification(SandboxWechatPayLedger.Refund refund) {
        JsonObject json = refund.json();
        return new JsonObject().put("mchid", keys.mchid()).put("out_trade_no", json.getString("out_trade_no"))
                .put("transaction_id", json.getString("transaction_id")).put("out_refund_no", refund.outRefundNo())
                .put("refund_id", refund.refundId()).put("refund_status", "SUCCESS").put("success_time", json.getString("success_time"))
                .put("user_received_account", json.getString("user_received_account")).put("amount", json.getJsonObject("amount"));
    }

    private void queryRefund(RoutingContext ctx) {
        var refund = ledger.refunds.get(ctx.pathParam("outRefundNo"));
        if (refund == null) {
            answer(ctx, 404, error("RESOURCE_NOT_EXISTS", "no refund under this out_refund_no"));
        } else {
            answer(ctx, 200, refund.json());
        }
    }

    private void tradeBill(RoutingContext ctx) {
        LocalDate day;
        try {
            day = LocalDate.parse(String.valueOf(ctx.queryParams().get("bill_date")));
        } catch (DateTimeParseException e) {
            answer(ctx, 400, error("PARAM_ERROR", "bill_date must be yyyy-MM-dd"));
            return;
        }
        String bill = ledger.tradeBill(day);
        String token = UUID.randomUUID().toString().replace("-", "");
        bills.put(token, bill);
        answer(ctx, 200, new JsonObject().put("hash_type", "SHA1").put("hash_value", sha1(bill))
                .put("download_url", BASE_URL + "/v3/billdownload/file?token=" + token));
    }

    /** Like WeChat Pay's, the file itself is not signed: its SHA1 came in the signed answer that named it. */
    private void downloadBill(RoutingContext ctx) {
        String bill = bills.get(String.valueOf(ctx.queryParams().get("token")));
        if (bill == null) {
            answer(ctx, 404, error("RESOURCE_NOT_EXISTS", "no bill under this token"));
        } else {
            ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").end(bill);
        }
    }

    private void plantMismatch(RoutingContext ctx) {
        JsonObject body = json(ctx);
        String kind = body == null ? null : body.getString("kind");
        if (kind == null || !Set.of("amount", "missing", "extra").contains(kind) || blank(body.getString("out_trade_no"))) {
            ctx.response().setStatusCode(400).end("kind (amount | missing | extra) and out_trade_no are required");
            return;
        }
        LocalDate day = body.getString("bill_date") == null ? SandboxWechatPayLedger.dayOf(Instant.now())
                : LocalDate.parse(body.getString("bill_date"));
        ledger.plants.add(new SandboxWechatPayLedger.Plant(kind, body.getString("out_trade_no"), body.getLong("amount", 0L), day));
        ctx.response().setStatusCode(204).end();
    }

    private void faults(RoutingContext ctx) {
        JsonObject body = json(ctx);
        int status = body == null ? 0 : body.getInteger("status", 500);
        if (body == null || (status != 500 && status != 503) || body.getInteger("count", 0) < 0) {
            ctx.response().setStatusCode(400).end("count (>= 0) and status (500 | 503) are required");
            return;
        }
        faultStatus = status;
        faultsLeft.set(body.getInteger("count", 0));
        ctx.response().setStatusCode(204).end();
    }

    /** Every answer of the API is signed with the platform key over {@code timestamp\nnonce\nbody\n}. */
    private void answer(RoutingContext ctx, int status, JsonObject json) {
        String body = json == null ? "" : json.encode();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = SandboxWechatPayKeys.nonce(32);
        var response = ctx.response().setStatusCode(status)
                .putHeader("Request-ID", UUID.randomUUID().toString())
                .putHeader("Wechatpay-Timestamp", timestamp)
                .putHeader("Wechatpay-Nonce", nonce)
                .putHeader("Wechatpay-Signature", keys.signAsPlatform(timestamp + "\n" + nonce + "\n" + body + "\n"))
                .putHeader("Wechatpay-Serial", keys.platformKeyId());
        if (json == null) {
            response.end();
        } else {
            response.putHeader("Content-Type", "application/json; charset=utf-8").end(body);
        }
    }

    private static JsonObject error(String code, String message) {
        return new JsonObject().put("code", code).put("message", message);
    }

    private static JsonObject json(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String sha1(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String version() {
        return "Quarkmall WeChat Pay API v3 sandbox on " + BASE_URL;
    }

    @Override
    public void close() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
