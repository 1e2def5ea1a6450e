package io.quarkmall.stack;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A local Kuaidi100-like aggregator for runs and tests ("sandbox-kd100"): the merchant books a parcel with one
 * of the carriers it aggregates, subscribes to the tracking number, and the aggregator pushes the parcel's
 * whole tracking history to the subscription's callback URL at every scan ({@link SandboxKuaidi100Parcel.Push}).
 *
 * <p>Every call is a form ({@code application/x-www-form-urlencoded}) with {@code key}, {@code t},
 * {@code param} (JSON) and {@code sign} ({@link SandboxKuaidi100Gate}). Answers are HTTP 200 JSON
 * {@code {"result","returnCode","message","data"?}}; returnCode 200 is success, 400 bad input naming the field.
 * <ul>
 * <li>{@code POST /order/borderapi.do} {@code method=bOrder}, param {@code {"partnerOrderId","kuaidicom":
 * "shunfeng"|"yuantong","weight"?: kg,"cargo"?}}: books the parcel; data {@code {"partnerOrderId","kuaidicom",
 * "kuaidinum"}}, the same number when booked again;
 * <li>{@code POST /order/borderapi.do} {@code method=cancel}, param {@code {"partnerOrderId"}}: calls it off until
 * it is picked up (then returnCode 409); 404 for a parcel never booked;
 * <li>{@code POST /poll}, param {@code {"company","number","parameters":{"callbackurl","salt"}}}: subscribes the
 * number and starts its journey; 501 when subscribed already; 404 for a number it never issued.
 * </ul>
 * Journeys are scripted through the controls ({@link SandboxPushControls}), by partnerOrderId. Everything is kept in memory.
 */
final class SandboxKuaidi100 implements Server {

    /** The merchant's key and secret, public on purpose: they sign nothing real. */
    static final String KEY = "QUARKMALL";
    static final String SECRET = "local-only-kd100-sandbox-secret";
    static final String BASE_URL = "http://" + Readiness.HOST + ":" + Ports.SANDBOX_KD100;
    static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SALT = Pattern.compile("[\\x21-\\x7e]{8,64}");
    /** The carriers it books with, and how each one's tracking numbers look. */
    private static final Map<String, String> CARRIERS = Map.of("shunfeng", "SF", "yuantong", "YT");

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SandboxKuaidi100Parcel> byOrderId = new ConcurrentHashMap<>();
    private final Map<String, SandboxKuaidi100Parcel> byNumber = new ConcurrentHashMap<>();
    private SandboxPushPlayer pushes;
    private Vertx vertx;

    @Override
    public String name() {
        return "sandbox-kd100";
    }

    @Override
    public int port() {
        return Ports.SANDBOX_KD100;
    }

    @Override
    public void start() throws Exception {
        vertx = Vertx.vertx();
        pushes = new SandboxPushPlayer(vertx);
        var window = new SandboxCallWindow(SandboxKuaidi100Gate.CALLS_PER_SECOND);
        var gate = new SandboxKuaidi100Gate(this, window);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(65_536));
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.post("/order/borderapi.do").handler(gate).handler(this::order);
        router.post("/poll").handler(gate).handler(this::subscribe);
        new SandboxPushControls(ORDER_ID, this::heardOf, orderId -> find(orderId).map(SandboxKuaidi100Parcel::sandboxView),
                window, pushes).routes(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(Ports.SANDBOX_KD100, Readiness.HOST)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (server.actualPort() != Ports.SANDBOX_KD100) {
            throw new IllegalStateException("The Kuaidi100-like aggregator sandbox could not bind port " + Ports.SANDBOX_KD100);
        }
    }

    private void order(RoutingContext ctx) {
        JsonObject param = param(ctx);
        if (param == null || !(param.getValue("partnerOrderId") instanceof String orderId) || !ORDER_ID.matcher(orderId).matches()) {
            answer(ctx, "400", "param must be JSON with a partnerOrderId of 1-64 characters A-Z, a-z, 0-9, _ and -", null);
            return;
        }
        switch (String.valueOf(ctx.request().getFormAttribute("method"))) {
            case "bOrder" -> book(ctx, orderId, param);
            case "cancel" -> cancel(ctx, orderId);
            default -> answer(ctx, "400", "method must be bOrder or cancel", null);
        }
    }

    private void book(RoutingContext ctx, String orderId, JsonObject param) {
        Object weight = param.getValue("weight");
        if (!(param.getValue("kuaidicom") instanceof String kuaidicom) || !CARRIERS.containsKey(kuaidicom)) {
            answer(ctx, "400", "kuaidicom must be shunfeng or yuantong", null);
        } else if (weight != null && !(weight instanceof Number kg && kg.doubleValue() > 0 && kg.doubleValue() <= 1000)) {
            answer(ctx, "400", "weight must be kilograms, more than 0 and at most 1000", null);
        } else if (param.getValue("cargo") != null && !(param.getValue("cargo") instanceof String)) {
            answer(ctx, "400", "cargo must be text", null);
        } else {
            SandboxKuaidi100Parcel parcel = heardOf(orderId);
            parcel.book(kuaidicom, () -> newNumber(kuaidicom, parcel),
                    weight == null ? null : (int) Math.round(((Number) weight).doubleValue() * 1000));
            answer(ctx, "200", "下单成功", new JsonObject().put("partnerOrderId", orderId)
                    .put("kuaidicom", parcel.kuaidicom()).put("kuaidinum", parcel.number()));
        }
    }

    private void cancel(RoutingContext ctx, String orderId) {
        var parcel = Optional.ofNullable(byOrderId.get(orderId)).filter(SandboxKuaidi100Parcel::booked);
        if (parcel.isEmpty()) {
            answer(ctx, "404", "no parcel booked under this partnerOrderId", null);
        } else if (parcel.get().journey().cancel() == SandboxParcelJourney.Cancellation.ALREADY_COLLECTED) {
            answer(ctx, "409", "already picked up: it can no longer be cancelled", null);
        } else {
            answer(ctx, "200", "取消成功", new JsonObject().put("partnerOrderId", orderId).put("cancelled", true));
        }
    }

    private void subscribe(RoutingContext ctx) {
        JsonObject param = param(ctx);
        JsonObject parameters = param == null ? null : param.getJsonObject("parameters");
        Object callback = parameters == null ? null : parameters.getValue("callbackurl");
        Object salt = parameters == null ? null : parameters.getValue("salt");
        if (param == null || !(param.getValue("number") instanceof String number) || !(param.getValue("company") instanceof String company)) {
            answer(ctx, "400", "param must be JSON with company and number", null);
        } else if (!(callback instanceof String url) || !url.matches("https?://[^\\s]+")) {
            answer(ctx, "400", "parameters.callbackurl must be an http or https URL", null);
        } else if (!(salt instanceof String chosen) || !SALT.matcher(chosen).matches()) {
            answer(ctx, "400", "parameters.salt must be 8-64 printable characters", null);
        } else {
            var parcel = Optional.ofNullable(byNumber.get(number)).filter(found -> company.equals(found.kuaidicom()));
            if (parcel.isEmpty()) {
                answer(ctx, "404", "this aggregator never issued " + company + " " + number, null);
            } else if (!parcel.get().subscribe(url, chosen, Instant.now())) {
                answer(ctx, "501", "重复订阅", null);
            } else {
                pushes.playNext(parcel.get());
                answer(ctx, "200", "提交成功", null);
            }
        }
    }

    /** The parcel a call names (by partnerOrderId, or by number), remembered from now on when named by order id. */
    Optional<SandboxKuaidi100Parcel> parcelNamedBy(RoutingContext ctx) {
        JsonObject param = param(ctx);
        if (param != null && param.getValue("partnerOrderId") instanceof String orderId && ORDER_ID.matcher(orderId).matches()) {
            return Optional.of(heardOf(orderId));
        }
        return param != null && param.getValue("number") instanceof String number
                ? Optional.ofNullable(byNumber.get(number)) : Optional.empty();
    }

    SandboxKuaidi100Parcel heardOf(String orderId) {
        return byOrderId.computeIfAbsent(orderId, SandboxKuaidi100Parcel::new);
    }

    Optional<SandboxKuaidi100Parcel> find(String orderId) {
        return Optional.ofNullable(byOrderId.get(orderId));
    }

    /**
     * The carrier's prefix and digits (12 for SF; 13 for YTO, which never pass the Luhn check, so that no number
     * reads as a card number), never handed out twice.
     */
    private String newNumber(String kuaidicom, SandboxKuaidi100Parcel parcel) {
        String prefix = CARRIERS.get(kuaidicom);
        while (true) {
            var digits = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                digits.append(random.nextInt(10));
            }
            String number = prefix + (prefix.equals("SF") ? digits : SandboxNumbers.failingLuhn(digits.toString()));
            if (byNumber.putIfAbsent(number, parcel) == null) {
                return number;
            }
        }
    }

    static void answer(RoutingContext ctx, String returnCode, String message, JsonObject data) {
        var body = new JsonObject().put("result", returnCode.equals("200")).put("returnCode", returnCode).put("message", message);
        if (data != null) {
            body.put("data", data);
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }

    /** The form's {@code param} as a JSON object, or null when it is not one. */
    static JsonObject param(RoutingContext ctx) {
        String param = ctx.request().getFormAttribute("param");
        try {
            return param == null ? null : new JsonObject(param);
        } catch (DecodeException e) {
            return null;
        }
    }

    @Override
    public String version() {
        return "Quarkmall Kuaidi100-like aggregator sandbox on " + BASE_URL;
    }

    @Override
    public void close() throws Exception {
        if (pushes != null) {
            pushes.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
