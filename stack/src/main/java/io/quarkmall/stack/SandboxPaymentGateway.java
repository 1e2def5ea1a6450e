package io.quarkmall.stack;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A simulated payment service provider for local runs and tests, answering deterministically by
 * card token so every path of a payment can be driven:
 * <ul>
 *   <li>{@code tok_sandbox_success}: captured;</li>
 *   <li>{@code tok_sandbox_decline}: declined (402);</li>
 *   <li>{@code tok_sandbox_timeout}: no answer for {@value #TIMEOUT_SECONDS} s, longer than any client waits;</li>
 *   <li>{@code tok_sandbox_refund_unavailable}: captured, but the first refund of the charge answers 503.</li>
 * </ul>
 * Like a real PSP it is idempotent by the merchant's reference: the same reference gets the same
 * charge, never a second one. A charge can be voided (after a client timeout) and refunded.
 * It only ever sees tokens, never card numbers.
 */
final class SandboxPaymentGateway implements Server {

    static final int TIMEOUT_SECONDS = 30;

    /** One charge as the PSP remembers it. */
    private record Charge(String id, String token, long amountMinor, String currency, String status) {
        JsonObject json() {
            return new JsonObject().put("chargeId", id).put("status", status).put("amountMinor", amountMinor)
                    .put("currency", currency);
        }
    }

    private final Map<String, Charge> byReference = new ConcurrentHashMap<>();
    private final Map<String, String> referenceOfCharge = new ConcurrentHashMap<>();
    private final Set<String> refusedRefunds = ConcurrentHashMap.newKeySet();
    private Vertx vertx;

    @Override
    public String name() {
        return "sandbox-pay";
    }

    @Override
    public int port() {
        return Ports.SANDBOX_PAY;
    }

    @Override
    public void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(16_384));
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.post("/v1/charges").handler(this::charge);
        router.post("/v1/charges/by-reference/:reference/void").handler(this::voidCharge);
        router.post("/v1/charges/:chargeId/refunds").handler(this::refund);
        HttpServer server = vertx.createHttpServer().requestHandler(router)
                .listen(Ports.SANDBOX_PAY, Readiness.HOST)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (server.actualPort() != Ports.SANDBOX_PAY) {
            throw new IllegalStateException("The sandbox payment gateway could not bind port " + Ports.SANDBOX_PAY);
        }
    }

    private void charge(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String reference = body == null ? null : body.getString("reference");
        String token = body == null ? null : body.getString("token");
        if (reference == null || token == null || body.getLong("amountMinor") == null || body.getString("currency") == null) {
            error(ctx, 400, "reference, token, amountMinor and currency are required");
            return;
        }
        String status = switch (token) {
            case "tok_sandbox_success", "tok_sandbox_refund_unavailable" -> "CAPTURED";
            case "tok_sandbox_decline" -> "DECLINED";
            case "tok_sandbox_timeout" -> "CAPTURED_LATE";
            default -> null;
        };
        if (status == null) {
            error(ctx, 400, "unknown token; use tok_sandbox_success, tok_sandbox_decline, tok_sandbox_timeout "
                    + "or tok_sandbox_refund_unavailable");
            return;
        }
        Charge fresh = new Charge("ch_" + UUID.randomUUID().toString().replace("-", ""), token,
                body.getLong("amountMinor"), body.getString("currency"), status.equals("CAPTURED_LATE") ? "CAPTURED" : status);
        Charge charge = byReference.computeIfAbsent(reference, r -> fresh);
        referenceOfCharge.putIfAbsent(charge.id(), reference);
        if (!charge.token().equals(token) || charge.amountMinor() != fresh.amountMinor()) {
            error(ctx, 409, "this reference was used for a different charge");
        } else if (status.equals("CAPTURED_LATE") && charge == fresh) {
            vertx.setTimer(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), t -> answer(ctx, charge));
        } else {
            answer(ctx, charge);
        }
    }

    private static void answer(RoutingContext ctx, Charge charge) {
        if (!ctx.response().closed()) {
            ctx.response().setStatusCode(charge.status().equals("DECLINED") ? 402 : 200);
            ctx.json(charge.json().put("declineCode", charge.status().equals("DECLINED") ? "card_declined" : null));
        }
    }

    private void voidCharge(RoutingContext ctx) {
        Charge voided = byReference.computeIfPresent(ctx.pathParam("reference"), (r, c) -> c.status().equals("CAPTURED")
                ? new Charge(c.id(), c.token(), c.amountMinor(), c.currency(), "VOIDED") : c);
        if (voided == null) {
            ctx.json(new JsonObject().put("status", "NO_CHARGE"));
        } else {
            ctx.json(voided.json());
        }
    }

    /** Idempotent: refunding a refunded charge again answers as the first time did. */
    private void refund(RoutingContext ctx) {
        String reference = referenceOfCharge.get(ctx.pathParam("chargeId"));
        Charge charge = reference == null ? null : byReference.get(reference);
        if (charge != null && charge.token().equals("tok_sandbox_refund_unavailable")
                && refusedRefunds.add(charge.id())) {
            error(ctx, 503, "refunds are unavailable for a moment");
            return;
        }
        Charge refunded = reference == null ? null : byReference.computeIfPresent(reference, (r, c) ->
                c.status().equals("CAPTURED") ? new Charge(c.id(), c.token(), c.amountMinor(), c.currency(), "REFUNDED") : c);
        if (refunded == null) {
            error(ctx, 404, "no such charge");
        } else if (!refunded.status().equals("REFUNDED")) {
            error(ctx, 409, "a " + refunded.status() + " charge cannot be refunded");
        } else {
            ctx.json(refunded.json());
        }
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status);
        ctx.json(new JsonObject().put("error", message));
    }

    @Override
    public String version() {
        return "Quarkmall sandbox payment gateway on http://" + Readiness.HOST + ":" + Ports.SANDBOX_PAY;
    }

    @Override
    public void close() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
