package io.quarkmall.stack;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A local Alipay OpenAPI gateway speaking the protocol as {@code com.alipay.sdk:alipay-sdk-java} calls it:
 * a form POST (or, for the phone cashier, a GET) to {@code /gateway.do} whose parameters the merchant
 * signed with RSA2 (SHA256withRSA over the sorted {@code key=value} pairs), verified here with the
 * merchant's app public key; every answer {@code {"<method>_response":{...},"sign":"..."}} is signed with
 * the platform's private key over the response node's exact text, as the SDK checks it.
 *
 * <p>Methods: {@code alipay.trade.precreate} (QR: the code is the URL of this sandbox's cashier page),
 * {@code alipay.trade.wap.pay} (the browser is sent here and on to the cashier page), {@code alipay.trade.query},
 * {@code .close}, {@code .refund} (partial, idempotent by out_request_no, never more than the total),
 * {@code alipay.trade.fastpay.refund.query} and {@code alipay.data.dataservice.bill.downloadurl.query}
 * (a URL of a plain UTF-8 CSV, {@code type,out_trade_no,trade_no,out_request_no,amount,time}: one
 * {@code payment} line per trade paid that day, one {@code refund} line per refund made that day, amounts
 * in yuan, times in China's time zone). CNY only: amounts are yuan with at most 2 decimals.
 *
 * <p>Payment results reach the merchant as Alipay's asynchronous notifications: a form POST to the trade's
 * notify_url, signed the way {@code AlipaySignature.rsaCheckV1} verifies (sorted pairs without sign and
 * sign_type), retried (1 s doubling to 30 s, 10 tries) until the answer is the plain text {@code success}.
 *
 * <p>The cashier page ({@code /cashier/{trade_no}}, buttons {@code #pay} and {@code #decline}) stands in for
 * the wallet app. What Pay does is the trade's scripted outcome, chosen in the page's {@code #outcome} or by
 * {@code POST /sandbox/trades/{out_trade_no}/script {"outcome":..., "delaySeconds":5}}: {@code success}
 * (paid, notified at once), {@code late} (paid, notified after delaySeconds), {@code duplicate} (paid, the
 * notification sent twice at the same time), {@code timeout} (never paid: WAIT_BUYER_PAY until closed) or
 * {@code decline} (the trade is closed unpaid and TRADE_CLOSED notified, as Decline does). Other controls,
 * for tests only: {@code GET /sandbox/trades/{out_trade_no}/notifications} (what was sent and answered),
 * {@code POST /sandbox/faults {"kind":"system_error"|"unavailable"|"http_503","count":N}} (the next N
 * gateway calls answer 40004 ACQ.SYSTEM_ERROR, 20000 isp.unknow-error or HTTP 503) and
 * {@code POST /sandbox/statement/plant {"kind":"missing"|"amount"|"extra","outTradeNo":...,"amount":"1.00"}}
 * (the statement leaves out a trade's payment, shows another amount, or lists a payment never made).
 *
 * <p>Keys are made at the first start and kept under {@code .stack/data/sandbox-alipay/} (git-ignored): the
 * platform key pair and the merchant's app key pair. The merchant's side (app id, app private key, Alipay
 * public key, gateway URL) is written to {@code merchant.properties} there for pay's dev, local and test runs.
 */
final class SandboxAlipay implements Server {

    static final String HOST = "http://" + Readiness.HOST + ":" + Ports.SANDBOX_ALIPAY;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(CHINA);
    private static final String BUYER = "2088102177846880";
    private static final Set<String> OUTCOMES = Set.of("success", "late", "duplicate", "timeout", "decline");

    /** A trade as Alipay keeps it; every change is made holding its lock. */
    private static final class Trade {
        final String outTradeNo;
        final String tradeNo;
        final long totalFen;
        final String subject;
        final String notifyUrl;
        final String returnUrl;
        final Instant createdAt = Instant.now();
        final Map<String, Refund> refunds = new LinkedHashMap<>();
        String status = "WAIT_BUYER_PAY";
        Instant paidAt;
        long refundedFen;

        Trade(String outTradeNo, String tradeNo, long totalFen, String subject, String notifyUrl, String returnUrl) {
            this.outTradeNo = outTradeNo;
            this.tradeNo = tradeNo;
            this.totalFen = totalFen;
            this.subject = subject;
            this.notifyUrl = notifyUrl;
            this.returnUrl = returnUrl;
        }
    }

    private record Refund(String outRequestNo, long amountFen, Instant at) {}

    private record Script(String outcome, int delaySeconds) {}

    /** One notification: its signed form body, and how the merchant answered it. */
    private static final class Delivery {
        final String notifyId;
        final String body;
        final AtomicInteger attempts = new AtomicInteger();
        volatile boolean acknowledged;

        Delivery(String notifyId, String body) {
            this.notifyId = notifyId;
            this.body = body;
        }
    }

    private record Fault(String kind, AtomicInteger remaining) {}

    private final StackLayout layout;
    private final Map<String, Trade> byOutTradeNo = new ConcurrentHashMap<>();
    private final Map<String, Trade> byTradeNo = new ConcurrentHashMap<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<Delivery>> deliveries = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> plants = new ConcurrentHashMap<>();
    private final AtomicLong tradeSequence = new AtomicLong();
    private volatile Fault fault;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private String appId;
    private PrivateKey platformKey;
    private PublicKey merchantKey;
    private Vertx vertx;

    SandboxAlipay(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return "sandbox-alipay";
    }

    @Override
    public int port() {
        return Ports.SANDBOX_ALIPAY;
    }

    @Override
    public void start() throws Exception {
        loadOrMakeKeys(layout.data(name()));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(65_536));
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.route("/gateway.do").handler(this::gateway);
        router.get("/cashier/:tradeNo").handler(this::cashier);
        router.post("/cashier/:tradeNo/pay").handler(ctx -> cashierAction(ctx, false));
        router.post("/cashier/:tradeNo/decline").handler(ctx -> cashierAction(ctx, true));
        router.get("/bills/:file").handler(this::bill);
        router.post("/sandbox/trades/:outTradeNo/script").handler(this::script);
        router.get("/sandbox/trades/:outTradeNo/notifications").handler(this::notifications);
        router.post("/sandbox/faults").handler(this::faults);
        router.post("/sandbox/statement/plant").handler(this::plant);
        HttpServer server = vertx.createHttpServer().requestHandler(router)
                .listen(Ports.SANDBOX_ALIPAY, Readiness.HOST)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (server.actualPort() != Ports.SANDBOX_ALIPAY) {
            throw new IllegalStateException("The Alipay sandbox could not bind port " + Ports.SANDBOX_ALIPAY);
        }
    }

    // ---- the OpenAPI gateway ------------------------------------------------------------------------

    private void gateway(RoutingContext ctx) {
        Map<String, String> params = params(ctx.request().params());
        String method = params.getOrDefault("method", "");
        boolean page = method.equals("alipay.trade.wap.pay");
        if (!page && injectedFault(ctx, method)) {
            return;
        }
        String refused = protocolProblem(params);
        JsonObject biz = refused == null ? bizContent(params) : null;
        if (refused == null && biz == null) {
            refused = "isv.invalid-parameter";
        }
        if (refused != null) {
            if (page) {
                html(ctx, 400, "Refused", "<p id=\"error\">" + refused + "</p>");
            } else {
                answer(ctx, method, error("40002", "Invalid Arguments", refused, "The request was refused: " + refused));
            }
            return;
        }
        switch (method) {
            case "alipay.trade.precreate" -> answer(ctx, method, precreate(biz, params));
            case "alipay.trade.wap.pay" -> wapPay(ctx, biz, params);
            case "alipay.trade.query" -> answer(ctx, method, query(biz));
            case "alipay.trade.close" -> answer(ctx, method, close(biz));
            case "alipay.trade.refund" -> answer(ctx, method, refund(biz));
            case "alipay.trade.fastpay.refund.query" -> answer(ctx, method, refundQuery(biz));
            case "alipay.data.dataservice.bill.downloadurl.query" -> answer(ctx, method, billUrl(biz));
            default -> answer(ctx, "", error("40002", "Invalid Arguments", "isv.invalid-method", "No such method: " + method));
        }
    }

    /** The protocol's checks, in Alipay's order; the sub_code of the first one failed, or null. */
    private String protocolProblem(Map<String, String> params) {
        if (!appId.equals(params.get("app_id"))) {
            return params.containsKey("app_id") ? "isv.invalid-app-id" : "isv.missing-app-id";
        }
        if (!"RSA2".equals(params.get("sign_type"))) {
            return "isv.invalid-signature-type";
        }
        if (params.containsKey("charset") && !params.get("charset").equalsIgnoreCase("utf-8")) {
            return "isv.invalid-charset";
        }
        if (!params.containsKey("timestamp") || !params.containsKey("version")) {
            return "isv.missing-parameter";
        }
        String content = new TreeMap<>(params).entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return verify(content, params.get("sign"), merchantKey) ? null : "isv.invalid-signature";
    }

    private JsonObject precreate(JsonObject biz, Map<String, String> params) {
        Object opened = openTrade(biz, params);
        if (opened instanceof JsonObject refusal) {
            return refusal;
        }
        Trade trade = (Trade) opened;
        return success().put("out_trade_no", trade.outTradeNo).put("qr_code", HOST + "/cashier/" + trade.tradeNo);
    }

    private void wapPay(RoutingContext ctx, JsonObject biz, Map<String, String> params) {
        Object opened = openTrade(biz, params);
        if (opened instanceof JsonObject refusal) {
            html(ctx, 400, "Refused", "<p id=\"error\">" + escape(refusal.getString("sub_code")) + "</p>");
        } else {
            ctx.redirect("/cashier/" + ((Trade) opened).tradeNo);
        }
    }

    /** The trade of this out_trade_no, opened now or before with the same terms; or a refusal. */
    private Object openTrade(JsonObject biz, Map<String, String> params) {
        String outTradeNo = biz.getString("out_trade_no");
        Long fen = fen(biz.getValue("total_amount"));
        String subject = biz.getString("subject");
        String currency = biz.getString("trans_currency", "CNY");
        if (outTradeNo == null || outTradeNo.isBlank() || outTradeNo.length() > 64 || fen == null || fen == 0
                || subject == null || subject.isBlank() || !currency.equals("CNY")) {
            return error("40004", "Business Failed", "ACQ.INVALID_PARAMETER",
                    "out_trade_no, subject and a total_amount in CNY of 0.01 or more are required");
        }
        String tradeNo = DAY.format(Instant.now()) + "2200" + String.format("%014d", tradeSequence.incrementAndGet());
        Trade fresh = new Trade(outTradeNo, tradeNo, fen, subject, params.get("notify_url"), params.get("return_url"));
        Trade trade = byOutTradeNo.computeIfAbsent(outTradeNo, k -> fresh);
        if (trade == fresh) {
            byTradeNo.put(tradeNo, trade);
            return trade;
        }
        synchronized (trade) {
            if (trade.totalFen != fen || !trade.subject.equals(subject)) {
                return error("40004", "Business Failed", "ACQ.CONTEXT_INCONSISTENT", "This out_trade_no was used with other terms");
            }
            return switch (trade.status) {
                case "WAIT_BUYER_PAY" -> trade;
                case "TRADE_CLOSED" -> trade.paidAt == null
                        ? error("40004", "Business Failed", "ACQ.TRADE_HAS_CLOSE", "The trade is closed")
                        : error("40004", "Business Failed", "ACQ.TRADE_HAS_SUCCESS", "The trade was paid");
                default -> error("40004", "Business Failed", "ACQ.TRADE_HAS_SUCCESS", "The trade was paid");
            };
        }
    }

    private JsonObject query(JsonObject biz) {
        Trade trade = find(biz);
        if (trade == null) {
            return notFound();
        }
        synchronized (trade) {
            JsonObject answer = success().put("trade_no", trade.tradeNo).put("out_trade_no", trade.outTradeNo)
                    .put("trade_status", trade.status).put("total_amount", yuan(trade.totalFen));
            if (trade.paidAt != null) {
                answer.put("buyer_user_id", BUYER).put("buyer_logon_id", "buy***@sandbox.example")
                        .put("buyer_pay_amount", yuan(trade.totalFen)).put("send_pay_date", TIME.format(trade.paidAt));
            }
            return answer;
        }
    }

    /** Closes an unpaid trade (again: the same answer); a paid one cannot be closed. */
    private JsonObject close(JsonObject biz) {
        Trade trade = find(biz);
        if (trade == null) {
            return notFound();
        }
        synchronized (trade) {
            if (trade.paidAt != null) {
                return error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "A paid trade cannot be closed");
            }
            trade.status = "TRADE_CLOSED";
            return success().put("trade_no", trade.tradeNo).put("out_trade_no", trade.outTradeNo);
        }
    }

    private JsonObject refund(JsonObject biz) {
        Trade trade = find(biz);
        Long fen = fen(biz.getValue("refund_amount"));
        String outRequestNo = biz.getString("out_request_no", biz.getString("out_trade_no"));
        if (trade == null) {
            return notFound();
        }
        if (fen == null || fen == 0 || outRequestNo == null || outRequestNo.isBlank()) {
            return error("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "refund_amount of 0.01 or more is required");
        }
        synchronized (trade) {
            if (trade.paidAt == null) {
                return error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "The trade was not paid");
            }
            boolean fresh = !trade.refunds.containsKey(outRequestNo);
            if (fresh && fen > trade.totalFen - trade.refundedFen) {
                return error("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
                        "The refund is more than is left to refund");
            }
            if (fresh) {
                trade.refunds.put(outRequestNo, new Refund(outRequestNo, fen, Instant.now()));
                trade.refundedFen += fen;
                if (trade.refundedFen == trade.totalFen) {
                    trade.status = "TRADE_CLOSED";
                }
            }
            return success().put("trade_no", trade.tradeNo).put("out_trade_no", trade.outTradeNo)
                    .put("buyer_user_id", BUYER).put("fund_change", fresh ? "Y" : "N")
                    .put("refund_fee", yuan(trade.refundedFen))
                    .put("gmt_refund_pay", TIME.format(trade.refunds.get(outRequestNo).at()));
        }
    }

    private JsonObject refundQuery(JsonObject biz) {
        Trade trade = find(biz);
        if (trade == null) {
            return notFound();
        }
        synchronized (trade) {
            JsonObject answer = success().put("trade_no", trade.tradeNo).put("out_trade_no", trade.outTradeNo);
            Refund refund = trade.refunds.get(biz.getString("out_request_no", ""));
            if (refund != null) {
                answer.put("out_request_no", refund.outRequestNo()).put("refund_status", "REFUND_SUCCESS")
                        .put("refund_amount", yuan(refund.amountFen())).put("total_amount", yuan(trade.totalFen))
                        .put("gmt_refund_pay", TIME.format(refund.at()));
            }
            return answer;
        }
    }

    private JsonObject billUrl(JsonObject biz) {
        String date = biz.getString("bill_date", "");
        if (!"trade".equals(biz.getString("bill_type")) || !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return error("40004", "Business Failed", "isv.invalid-bill-type-or-date", "bill_type trade and bill_date yyyy-MM-dd");
        }
        return success().put("bill_download_url", HOST + "/bills/trade-" + date + ".csv");
    }

    private Trade find(JsonObject biz) {
        String outTradeNo = biz.getString("out_trade_no");
        return outTradeNo != null ? byOutTradeNo.get(outTradeNo) : byTradeNo.get(biz.getString("trade_no", ""));
    }

    // ---- the cashier (the wallet app's stand-in) ----------------------------------------------------

    private void cashier(RoutingContext ctx) {
        Trade trade = byTradeNo.get(ctx.pathParam("tradeNo"));
        if (trade == null) {
            html(ctx, 404, "No such trade", "<p id=\"error\">No such trade</p>");
            return;
        }
        synchronized (trade) {
            String title = escape(trade.subject) + " · ¥" + yuan(trade.totalFen);
            if (!trade.status.equals("WAIT_BUYER_PAY")) {
                html(ctx, 200, title, "<p id=\"status\">" + trade.status + "</p>");
                return;
            }
            String scripted = scripts.getOrDefault(trade.outTradeNo, new Script("success", 5)).outcome();
            String options = List.of("success", "late", "duplicate", "timeout", "decline").stream()
                    .map(o -> "<option" + (o.equals(scripted) ? " selected" : "") + ">" + o + "</option>")
                    .collect(Collectors.joining());
            html(ctx, 200, title, """
                    <form method="post">
                      <p id="status">WAIT_BUYER_PAY</p>
                      <label>Outcome of Pay <select id="outcome" name="outcome">%s</select></label>
                      <button id="pay" type="submit" formaction="/cashier/%s/pay">Pay</button>
                      <button id="decline" type="submit" formaction="/cashier/%s/decline">Decline</button>
                    </form>""".formatted(options, trade.tradeNo, trade.tradeNo));
        }
    }

    private void cashierAction(RoutingContext ctx, boolean declined) {
        Trade trade = byTradeNo.get(ctx.pathParam("tradeNo"));
        if (trade == null) {
            html(ctx, 404, "No such trade", "<p id=\"error\">No such trade</p>");
            return;
        }
        Script script = scripts.getOrDefault(trade.outTradeNo, new Script("success", 5));
        String chosen = ctx.request().getFormAttribute("outcome");
        String outcome = declined ? "decline" : oneOf(OUTCOMES, chosen) ? chosen : script.outcome();
        String result;
        synchronized (trade) {
            if (!trade.status.equals("WAIT_BUYER_PAY")) {
                result = trade.status;
            } else if (outcome.equals("timeout")) {
                result = "WAIT_BUYER_PAY";
            } else if (outcome.equals("decline")) {
                trade.status = result = "TRADE_CLOSED";
                notifyMerchant(trade, 1, 0);
            } else {
                trade.status = result = "TRADE_SUCCESS";
                trade.paidAt = Instant.now();
                notifyMerchant(trade, outcome.equals("duplicate") ? 2 : 1,
                        outcome.equals("late") ? TimeUnit.SECONDS.toMillis(script.delaySeconds()) : 0);
            }
        }
        String back = trade.returnUrl == null || !result.equals("TRADE_SUCCESS") ? ""
                : "<a id=\"return\" href=\"" + escape(returnUrl(trade)) + "\">Back to the shop</a>";
        html(ctx, 200, escape(trade.subject), "<p id=\"status\">" + result + "</p>" + back);
    }

    /** The merchant's return_url with Alipay's signed synchronous parameters (never proof of payment). */
    private String returnUrl(Trade trade) {
        Map<String, String> params = new TreeMap<>(Map.of("app_id", appId, "charset", "utf-8",
                "method", "alipay.trade.wap.pay.return", "out_trade_no", trade.outTradeNo, "trade_no", trade.tradeNo,
                "total_amount", yuan(trade.totalFen), "timestamp", TIME.format(Instant.now()), "version", "1.0"));
        params.put("sign", sign(signContentV1(params)));
        params.put("sign_type", "RSA2");
        return trade.returnUrl + (trade.returnUrl.contains("?") ? "&" : "?") + form(params);
    }

    // ---- asynchronous notifications -----------------------------------------------------------------

    /** Sends the trade's current state to its notify_url, {@code copies} times at once, after {@code delayMillis}. */
    private void notifyMerchant(Trade trade, int copies, long delayMillis) {
        if (trade.notifyUrl == null || trade.notifyUrl.isBlank()) {
            return;
        }
        Map<String, String> params = new TreeMap<>();
        String notifyId = UUID.randomUUID().toString().replace("-", "");
        params.put("notify_time", TIME.format(Instant.now()));
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", notifyId);
        params.put("app_id", appId);
        params.put("charset", "utf-8");
        params.put("version", "1.0");
        params.put("trade_no", trade.tradeNo);
        params.put("out_trade_no", trade.outTradeNo);
        params.put("trade_status", trade.status);
        params.put("total_amount", yuan(trade.totalFen));
        params.put("subject", trade.subject);
        params.put("gmt_create", TIME.format(trade.createdAt));
        if (trade.paidAt != null) {
            params.put("buyer_id", BUYER);
            params.put("receipt_amount", yuan(trade.totalFen));
            params.put("gmt_payment", TIME.format(trade.paidAt));
        } else {
            params.put("gmt_close", TIME.format(Instant.now()));
        }
        params.put("sign", sign(signContentV1(params)));
        params.put("sign_type", "RSA2");
        String body = form(params);
        List<Delivery> sent = deliveries.computeIfAbsent(trade.outTradeNo, k -> new ArrayList<>());
        for (int i = 0; i < copies; i++) {
            Delivery delivery = new Delivery(notifyId, body);
            synchronized (sent) {
                sent.add(delivery);
            }
            vertx.setTimer(Math.max(1, delayMillis), t -> deliver(trade.notifyUrl, delivery, 1));
        }
    }

    private void deliver(String notifyUrl, Delivery delivery, int attempt) {
        delivery.attempts.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() == 200 && response.body().trim().equals("success")) {
                delivery.acknowledged = true;
            } else if (attempt < 10 && vertx != null) {
                vertx.setTimer(Math.min(30_000L, 1000L << (attempt - 1)), t -> deliver(notifyUrl, delivery, attempt + 1));
            }
        });
    }

    // ---- the daily statement ------------------------------------------------------------------------

    private void bill(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("trade-\\d{4}-\\d{2}-\\d{2}\\.csv")) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        LocalDate day = LocalDate.parse(file.substring(6, 16));
        StringBuilder csv = new StringBuilder("type,out_trade_no,trade_no,out_request_no,amount,time\n");
        for (Trade trade : byOutTradeNo.values()) {
            JsonObject plant = plants.get(trade.outTradeNo);
            synchronized (trade) {
                if (trade.paidAt != null && LocalDate.ofInstant(trade.paidAt, CHINA).equals(day)
                        && !(plant != null && plant.getString("kind").equals("missing"))) {
                    String amount = plant != null && plant.getString("kind").equals("amount")
                            ? plant.getString("amount") : yuan(trade.totalFen);
                    csv.append(line("payment", trade.outTradeNo, trade.tradeNo, "", amount, trade.paidAt));
                }
                for (Refund refund : trade.refunds.values()) {
                    if (LocalDate.ofInstant(refund.at(), CHINA).equals(day)) {
                        csv.append(line("refund", trade.outTradeNo, trade.tradeNo, refund.outRequestNo(),
                                yuan(refund.amountFen()), refund.at()));
                    }
                }
            }
        }
        plants.values().stream().filter(p -> p.getString("kind").equals("extra") && day.equals(LocalDate.now(CHINA)))
                .forEach(p -> csv.append(line("payment", p.getString("outTradeNo"), "2088000000000000",
                        "", p.getString("amount"), Instant.now())));
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").end(csv.toString());
    }

    private static String line(String type, String outTradeNo, String tradeNo, String outRequestNo, String amount,
                               Instant at) {
        return String.join(",", type, outTradeNo, tradeNo, outRequestNo, amount, TIME.format(at)) + "\n";
    }

    // ---- sandbox-only controls ----------------------------------------------------------------------

    private void script(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String outcome = body == null ? null : body.getString("outcome");
        if (!oneOf(OUTCOMES, outcome)) {
            ctx.response().setStatusCode(400);
            ctx.json(new JsonObject().put("error", "outcome is one of " + OUTCOMES));
            return;
        }
        scripts.put(ctx.pathParam("outTradeNo"), new Script(outcome, body.getInteger("delaySeconds", 5)));
        ctx.response().setStatusCode(204).end();
    }

    private void notifications(RoutingContext ctx) {
        JsonArray sent = new JsonArray();
        List<Delivery> list = deliveries.getOrDefault(ctx.pathParam("outTradeNo"), List.of());
        synchronized (list) {
            list.forEach(d -> sent.add(new JsonObject().put("notifyId", d.notifyId).put("body", d.body)
                    .put("attempts", d.attempts.get()).put("acknowledged", d.acknowledged)));
        }
        ctx.json(sent);
    }

    private void faults(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String kind = body == null ? null : body.getString("kind");
        if (!oneOf(Set.of("system_error", "unavailable", "http_503"), kind)) {
            ctx.response().setStatusCode(400);
            ctx.json(new JsonObject().put("error", "kind is system_error, unavailable or http_503"));
            return;
        }
        fault = new Fault(kind, new AtomicInteger(body.getInteger("count", 1)));
        ctx.response().setStatusCode(204).end();
    }

    private boolean injectedFault(RoutingContext ctx, String method) {
        Fault current = fault;
        if (current == null || current.remaining().getAndDecrement() <= 0) {
            return false;
        }
        switch (current.kind()) {
            case "http_503" -> ctx.response().setStatusCode(503).end("Service Unavailable");
            case "unavailable" -> answer(ctx, method, error("20000", "Service Currently Unavailable",
                    "isp.unknow-error", "系统繁忙"));
            default -> answer(ctx, method, error("40004", "Business Failed", "ACQ.SYSTEM_ERROR", "系统错误"));
        }
        return true;
    }

    private void plant(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String kind = body == null ? null : body.getString("kind");
        boolean amountNeeded = "amount".equals(kind) || "extra".equals(kind);
        if (!oneOf(Set.of("missing", "amount", "extra"), kind) || body.getString("outTradeNo") == null
                || (amountNeeded && fen(body.getValue("amount")) == null)) {
            ctx.response().setStatusCode(400);
            ctx.json(new JsonObject().put("error", "kind missing|amount|extra, outTradeNo, and amount for amount/extra"));
            return;
        }
        plants.put(body.getString("outTradeNo"), body);
        ctx.response().setStatusCode(204).end();
    }

    // ---- signatures, keys and the wire format -------------------------------------------------------

    private void answer(RoutingContext ctx, String method, JsonObject node) {
        String root = method.isEmpty() ? "error_response" : method.replace('.', '_') + "_response";
        String text = node.encode();
        ctx.response().putHeader("Content-Type", "application/json;charset=utf-8")
                .end("{\"" + root + "\":" + text + ",\"sign\":\"" + sign(text) + "\"}");
    }

    private static JsonObject success() {
        return new JsonObject().put("code", "10000").put("msg", "Success");
    }

    private static JsonObject notFound() {
        return error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
    }

    private static JsonObject error(String code, String msg, String subCode, String subMsg) {
        return new JsonObject().put("code", code).put("msg", msg).put("sub_code", subCode).put("sub_msg", subMsg);
    }

    /** rsaCheckV1's content: the sorted pairs without sign and sign_type. */
    private static String signContentV1(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private String sign(String content) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(platformKey);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verify(String content, String sign, PublicKey key) {
        if (sign == null || sign.isEmpty()) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * An app id as Alipay gives them: 16 digits, beginning 2021. One random one in ten passes the Luhn
     * check and would read as a card number to the PCI scan of the stack's logs and rows (the app id
     * is in every request pay signs), so the sandbox gives only ids that fail it, as a check digit
     * one off the Luhn digit.
     */
    static String newAppId(SecureRandom random) {
        return SandboxNumbers.failingLuhn("2021" + String.format("%011d", random.nextLong(100_000_000_000L)));
    }

    /** Keeps the keys made at the first start, so a restarted sandbox still knows pay's key and pay its. */
    private void loadOrMakeKeys(Path dir) throws IOException, GeneralSecurityException {
        Path keys = dir.resolve("keys.properties");
        Properties kept = new Properties();
        if (Files.isRegularFile(keys)) {
            try (Reader in = Files.newBufferedReader(keys)) {
                kept.load(in);
            }
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair platform = generator.generateKeyPair();
            KeyPair merchant = generator.generateKeyPair();
            kept.setProperty("app-id", newAppId(new SecureRandom()));
            kept.setProperty("platform-private-key", base64(platform.getPrivate().getEncoded()));
            kept.setProperty("platform-public-key", base64(platform.getPublic().getEncoded()));
            kept.setProperty("app-private-key", base64(merchant.getPrivate().getEncoded()));
            kept.setProperty("app-public-key", base64(merchant.getPublic().getEncoded()));
            writePrivately(keys, kept, "The Alipay sandbox's keys, made at its first start; never commit them");
        }
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        appId = kept.getProperty("app-id");
        platformKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(kept.getProperty("platform-private-key"))));
        merchantKey = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(kept.getProperty("app-public-key"))));
        Properties merchantSide = new Properties();
        merchantSide.setProperty("gateway-url", HOST + "/gateway.do");
        merchantSide.setProperty("app-id", appId);
        merchantSide.setProperty("app-private-key", kept.getProperty("app-private-key"));
        merchantSide.setProperty("alipay-public-key", kept.getProperty("platform-public-key"));
        writePrivately(dir.resolve("merchant.properties"), merchantSide,
                "pay's side of the Alipay sandbox (dev, local and test profiles); never commit it");
    }

    private static void writePrivately(Path file, Properties properties, String comment) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(temp)) {
            properties.store(out, comment);
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Map<String, String> params(MultiMap multi) {
        Map<String, String> params = new LinkedHashMap<>();
        multi.forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        return params;
    }

    private static JsonObject bizContent(Map<String, String> params) {
        try {
            return new JsonObject(params.getOrDefault("biz_content", "{}"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Yuan with at most 2 decimals ("12.30", "12.3", "12") as fen; null if it is not such an amount. */
    private static Long fen(Object amount) {
        String text = amount == null ? "" : amount.toString();
        if (!text.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(text).movePointRight(2).longValueExact();
    }

    /** Set.of(...).contains(null) throws: a missing field is simply not one of them. */
    private static boolean oneOf(Set<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void html(RoutingContext ctx, int status, String title, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .end("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Alipay sandbox cashier</title>"
                        + "<meta name=\"viewport\" content=\"width=device-width\"></head><body><h1>" + title + "</h1>"
                        + body + "</body></html>");
    }

    @Override
    public String version() {
        return "Quarkmall Alipay sandbox (OpenAPI gateway) on " + HOST + "/gateway.do";
    }

    @Override
    public void close() throws Exception {
        if (vertx != null) {
            Vertx running = vertx;
            vertx = null;
            running.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
