package io.quarkmall.stack;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A local EasyPost-like international label API for runs and tests ("sandbox-easypost"): the merchant creates a
 * shipment for its parcel, is offered rates (DHL Express, USPS First-Class International), buys one and gets the
 * tracking code and a PDF label; the API then pushes each scan as a {@code tracker.updated} event to the webhook the
 * account registered ({@link SandboxEasyPostShipment.Push}).
 *
 * <p>Calls carry the account's API key as HTTP Basic user name (no password), as EasyPost's do; a wrong one is 401.
 * Planted faults, and more than {@value #CALLS_PER_SECOND} calls a second (429 with Retry-After), answer before the
 * key is checked ({@link SandboxCallWindow}). Errors are {@code {"error":{"code","message"}}}.
 * <ul>
 * <li>{@code POST /v2/webhooks} {@code {"webhook":{"url","webhook_secret"}}}: the account's webhook (one; registering
 * again replaces it): 201;
 * <li>{@code POST /v2/shipments} {@code {"shipment":{"reference","parcel":{"weight": ounces}}}}: 201 with its rates;
 * the sandbox answers 200 with the same shipment for a reference it created before;
 * <li>{@code GET /v2/shipments/{id or reference}};
 * <li>{@code POST /v2/shipments/{id}/buy} {@code {"rate":{"id"}}}: the tracking code, {@code postage_label.label_url}
 * and tracker; 422 {@code SHIPMENT.POSTAGE.EXISTS} when bought before;
 * <li>{@code POST /v2/shipments/{id or reference}/refund}: voids the label ({@code refund_status: submitted}) until the
 * first scan, then 422 {@code SHIPMENT.REFUND.UNAVAILABLE};
 * <li>{@code GET /labels/{id}.pdf}: the label.
 * </ul>
 * Journeys are scripted by reference through {@link SandboxPushControls}. Everything is kept in memory.
 */
final class SandboxEasyPost implements Server {

    /** The account's API key, public on purpose: it buys nothing real. */
    static final String API_KEY = "EZTKlocal-only-easypost-sandbox-key";
    static final String BASE_URL = "http://" + Readiness.HOST + ":" + Ports.SANDBOX_EASYPOST;
    static final int CALLS_PER_SECOND = 20;
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SandboxEasyPostShipment> byReference = new ConcurrentHashMap<>();
    private final Map<String, SandboxEasyPostShipment> byId = new ConcurrentHashMap<>();
    private final Map<String, Boolean> trackingCodes = new ConcurrentHashMap<>();
    private final SandboxCallWindow window = new SandboxCallWindow(CALLS_PER_SECOND);
    private volatile SandboxEasyPostShipment.Webhook webhook;
    private SandboxPushPlayer player;
    private Vertx vertx;

    @Override
    public String name() {
        return "sandbox-easypost";
    }

    @Override
    public int port() {
        return Ports.SANDBOX_EASYPOST;
    }

    @Override
    public void start() throws Exception {
        vertx = Vertx.vertx();
        player = new SandboxPushPlayer(vertx);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(65_536));
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.route("/v2/*").handler(this::gate);
        router.post("/v2/webhooks").handler(this::registerWebhook);
        router.post("/v2/shipments").handler(this::create);
        router.get("/v2/shipments/:id").handler(ctx -> shipment(ctx).ifPresent(found -> ctx.json(json(found))));
        router.post("/v2/shipments/:id/buy").handler(this::buy);
        router.post("/v2/shipments/:id/refund").handler(this::refund);
        router.get("/labels/:file").handler(this::label);
        new SandboxPushControls(REFERENCE, this::heardOf,
                reference -> Optional.ofNullable(byReference.get(reference)).map(SandboxEasyPostShipment::sandboxView),
                window, player).routes(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(Ports.SANDBOX_EASYPOST, Readiness.HOST)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (server.actualPort() != Ports.SANDBOX_EASYPOST) {
            throw new IllegalStateException("The EasyPost-like label API sandbox could not bind port " + Ports.SANDBOX_EASYPOST);
        }
    }

    private void gate(RoutingContext ctx) {
        if (window.failedByPlantedFault(ctx)) {
            return;
        }
        if (!window.admitted()) {
            SandboxCallWindow.fail(ctx, 429);
        } else if (!apiKeyGiven(ctx.request().getHeader("Authorization"))) {
            error(ctx, 401, "APIKEY.INACTIVE", "the API key is missing or not this account's");
        } else {
            ctx.next();
        }
    }

    private static boolean apiKeyGiven(String authorization) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8));
        return authorization != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8));
    }

    private void registerWebhook(RoutingContext ctx) {
        JsonObject hook = body(ctx, "webhook");
        if (hook == null || !(hook.getValue("url") instanceof String url) || !url.matches("https?://[^\\s]+")
                || !(hook.getValue("webhook_secret") instanceof String secret) || secret.length() < 16) {
            error(ctx, 422, "WEBHOOK.INVALID", "webhook.url must be an http(s) URL and webhook.webhook_secret 16 characters or more");
            return;
        }
        webhook = new SandboxEasyPostShipment.Webhook(url, secret);
        ctx.response().setStatusCode(201);
        ctx.json(new JsonObject().put("id", "hook_local").put("object", "Webhook").put("mode", "test").put("url", url));
    }

    private void create(RoutingContext ctx) {
        JsonObject shipment = body(ctx, "shipment");
        JsonObject parcel = shipment == null ? null : shipment.getJsonObject("parcel");
        Object weight = parcel == null ? null : parcel.getValue("weight");
        if (shipment == null || !(shipment.getValue("reference") instanceof String reference) || !REFERENCE.matcher(reference).matches()) {
            error(ctx, 422, "SHIPMENT.INVALID_PARAMS", "shipment.reference must be 1-64 characters A-Z, a-z, 0-9, _ and -");
        } else if (!(weight instanceof Number ounces) || ounces.doubleValue() <= 0 || ounces.doubleValue() > 2400) {
            error(ctx, 422, "SHIPMENT.INVALID_PARAMS", "shipment.parcel.weight must be ounces, more than 0 and at most 2400");
        } else {
            SandboxEasyPostShipment created = heardOf(reference);
            boolean isNew = created.create(ounces.doubleValue());
            byId.putIfAbsent(created.id, created);
            ctx.response().setStatusCode(isNew ? 201 : 200);
            ctx.json(json(created));
        }
    }

    private void buy(RoutingContext ctx) {
        JsonObject rate = body(ctx, "rate");
        Optional<SandboxEasyPostShipment> shipment = shipment(ctx);
        if (shipment.isEmpty()) {
            return;
        }
        var purchase = shipment.get().buy(rate == null ? null : rate.getString("id"), this::newTrackingCode, Instant.now());
        switch (purchase) {
            case ALREADY_BOUGHT -> error(ctx, 422, "SHIPMENT.POSTAGE.EXISTS", "postage was bought for this shipment already");
            case NO_SUCH_RATE -> error(ctx, 422, "SHIPMENT.RATE.INVALID", "rate.id must be one of the shipment's rates");
            case BOUGHT -> {
                player.playNext(shipment.get());
                ctx.json(json(shipment.get()));
            }
        }
    }

    private void refund(RoutingContext ctx) {
        shipment(ctx).ifPresent(found -> {
            if (found.refund()) {
                ctx.json(json(found));
            } else {
                error(ctx, 422, "SHIPMENT.REFUND.UNAVAILABLE", "the carrier has scanned the parcel: its label can no longer be voided");
            }
        });
    }

    private void label(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        Optional.ofNullable(file.endsWith(".pdf") ? byId.get(file.substring(0, file.length() - 4)) : null)
                .flatMap(SandboxEasyPostShipment::labelLines).ifPresentOrElse(
                        lines -> ctx.response().putHeader("Content-Type", "application/pdf")
                                .end(io.vertx.core.buffer.Buffer.buffer(SandboxLabelPdf.of(lines))),
                        () -> error(ctx, 404, "NOT_FOUND", "no label under this name"));
    }

    /** The created shipment the path names by id or reference; answers 404 itself when there is none. */
    private Optional<SandboxEasyPostShipment> shipment(RoutingContext ctx) {
        String named = ctx.pathParam("id");
        var found = Optional.ofNullable(byId.get(named)).or(() -> Optional.ofNullable(byReference.get(named)))
                .filter(SandboxEasyPostShipment::created);
        if (found.isEmpty()) {
            error(ctx, 404, "NOT_FOUND", "no shipment under this id or reference");
        }
        return found;
    }

    private SandboxEasyPostShipment heardOf(String reference) {
        return byReference.computeIfAbsent(reference, named -> new SandboxEasyPostShipment(named, () -> Optional.ofNullable(webhook)));
    }

    /** DHL's 10 digits, or a USPS international number (LZ, 9 digits, US); never handed out twice. */
    private String newTrackingCode(String carrier) {
        while (true) {
            var code = new StringBuilder(carrier.equals("USPS") ? "LZ" : "");
            for (int i = 0; i < (carrier.equals("USPS") ? 9 : 10); i++) {
                code.append(random.nextInt(10));
            }
            if (carrier.equals("USPS")) {
                code.append("US");
            }
            if (trackingCodes.putIfAbsent(code.toString(), true) == null) {
                return code.toString();
            }
        }
    }

    private static JsonObject json(SandboxEasyPostShipment shipment) {
        return shipment.json(BASE_URL + "/labels/" + shipment.id + ".pdf");
    }

    /** The body's object under {@code field}, or null when the body is not JSON or has none. */
    private static JsonObject body(RoutingContext ctx, String field) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body == null || !(body.getValue(field) instanceof JsonObject inner) ? null : inner;
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static void error(RoutingContext ctx, int status, String code, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)).encode());
    }

    @Override
    public String version() {
        return "Quarkmall EasyPost-like label API sandbox on " + BASE_URL;
    }

    @Override
    public void close() throws Exception {
        if (player != null) {
            player.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
