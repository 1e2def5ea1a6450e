package io.quarkmall.stack;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;

/**
 * A local SF-Express-like carrier for runs and tests ("sandbox-sf"): shipping books parcels through its
 * signed API, and it plays each parcel's journey, pushing every route event to the booking's callback URL.
 *
 * <p>Every {@code /api} call carries {@code X-Partner-Id: QUARKMALL}, {@code X-Request-Id},
 * {@code X-Timestamp} (epoch ms) and {@code X-Signature}, HMAC-SHA256 under the partner key of
 * {@code timestamp\nrequestId\nbody} ({@link SandboxSfExpressSignature}); what refuses a call is told in
 * {@link SandboxSfExpressGate}. Refusals are JSON {@code {"code":..,"message":..}}.
 * <ul>
 * <li>{@code POST /api/orders} {@code {"orderId","callbackUrl","weightGrams"?,"cargo"?,"expressTypeId"?}} books a parcel:
 * {@code {"orderId","waybillNo"}}, the same waybill (and no second journey) when booked again; bad input
 * 400 {@code A1002} naming the field ({@link SandboxSfExpressBooking});
 * <li>{@code POST /api/orders/{orderId}/cancel} (empty body): {@code {"orderId","waybillNo","cancelled":true}}
 * until the pickup (opCode 50), 409 {@code 8016} after it;
 * <li>{@code GET /api/routes/{waybillNo}}: {@code {"waybillNo","routes":[..]}}, every route event so far.
 * </ul>
 * An unknown order or waybill is 404 {@code 8018}. Journeys and pushes: {@link SandboxSfExpressJourneys},
 * {@link SandboxSfExpressJourney}; sandbox-only controls: {@link SandboxSfExpressControls}. Everything is
 * kept in memory, so the sandbox forgets its orders when it stops.
 */
final class SandboxSfExpress implements Server {

    static final String PARTNER_ID = "QUARKMALL";
    /** The sandbox's partner key, public on purpose: it signs nothing real; production reads its own from the environment. */
    static final String PARTNER_KEY = "local-only-sf-sandbox-partner-key";
    static final String BASE_URL = "http://" + Readiness.HOST + ":" + Ports.SANDBOX_SF;

    private final SandboxSfExpressOrders orders = new SandboxSfExpressOrders();
    private SandboxSfExpressJourneys journeys;
    private Vertx vertx;

    @Override
    public String name() {
        return "sandbox-sf";
    }

    @Override
    public int port() {
        return Ports.SANDBOX_SF;
    }

    @Override
    public void start() throws Exception {
        vertx = Vertx.vertx();
        journeys = new SandboxSfExpressJourneys(vertx);
        var gate = new SandboxSfExpressGate(orders);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(65_536));
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.post("/api/orders").handler(gate).handler(this::book);
        router.post("/api/orders/:orderId/cancel").handler(gate).handler(this::cancel);
        router.get("/api/routes/:waybillNo").handler(gate).handler(this::routes);
        router.route("/api/*").handler(gate).handler(ctx -> refuse(ctx, 404, "A1404", "no such API in the sandbox"));
        new SandboxSfExpressControls(orders, gate, journeys).routes(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(Ports.SANDBOX_SF, Readiness.HOST)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (server.actualPort() != Ports.SANDBOX_SF) {
            throw new IllegalStateException("The SF-Express-like carrier sandbox could not bind port " + Ports.SANDBOX_SF);
        }
    }

    private void book(RoutingContext ctx) {
        SandboxSfExpressBooking booking;
        try {
            booking = SandboxSfExpressBooking.read(json(ctx));
        } catch (SandboxSfExpressBooking.Invalid e) {
            refuse(ctx, 400, "A1002", e.getMessage());
            return;
        }
        SandboxSfExpressOrder order = orders.heardOf(booking.orderId());
        if (orders.book(order, booking)) {
            journeys.playNext(order);
        }
        answer(ctx, 200, new JsonObject().put("orderId", order.orderId).put("waybillNo", order.waybillNo()));
    }

    private void cancel(RoutingContext ctx) {
        var found = orders.findBooked(ctx.pathParam("orderId"));
        if (found.isEmpty()) {
            refuse(ctx, 404, "8018", "no order under this orderId");
        } else if (found.get().cancel() == SandboxSfExpressOrder.Cancellation.ALREADY_COLLECTED) {
            refuse(ctx, 409, "8016", "already collected: the parcel was picked up and can no longer be cancelled");
        } else {
            answer(ctx, 200, new JsonObject().put("orderId", found.get().orderId)
                    .put("waybillNo", found.get().waybillNo()).put("cancelled", true));
        }
    }

    private void routes(RoutingContext ctx) {
        String waybillNo = ctx.pathParam("waybillNo");
        orders.byWaybill(waybillNo).ifPresentOrElse(
                order -> answer(ctx, 200, new JsonObject().put("waybillNo", waybillNo).put("routes", order.routesJson())),
                () -> refuse(ctx, 404, "8018", "no parcel under this waybillNo"));
    }

    static void answer(RoutingContext ctx, int status, JsonObject json) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(json.encode());
    }

    static void refuse(RoutingContext ctx, int status, String code, String message) {
        answer(ctx, status, new JsonObject().put("code", code).put("message", message));
    }

    /** The request body as a JSON object, or null when it is not one. */
    static JsonObject json(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    @Override
    public String version() {
        return "Quarkmall SF-Express-like carrier sandbox on " + BASE_URL;
    }

    @Override
    public void close() throws Exception {
        if (journeys != null) {
            journeys.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
