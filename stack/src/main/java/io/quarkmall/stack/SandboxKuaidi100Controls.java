package io.quarkmall.stack;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * The aggregator sandbox's own controls under {@code /sandbox}, for tests and demos (JSON, no signature), as the
 * SF-like sandbox has them:
 * <ul>
 * <li>{@code POST /sandbox/faults} {@code {"count":n,"status":500|503|429}}: the next n API calls fail so;
 * <li>{@code POST /sandbox/journeys/{partnerOrderId}} {@code {"journey":"normal|delayed|exception|returned|lost",
 * "stepMillis":50..60000}}: that parcel's journey, until its first scan (then 409);
 * <li>{@code GET /sandbox/orders/{partnerOrderId}}: its carrier, number and weight as booked, whether it is
 * subscribed or cancelled, how many API calls named it, and each push: the scans it carried, its attempts and
 * whether it was acknowledged.
 * </ul>
 * Bad input is 400; a parcel never heard of is 404.
 */
final class SandboxKuaidi100Controls {

    private static final Set<Integer> FAULT_STATUSES = Set.of(500, 503, 429);

    private final SandboxKuaidi100 sandbox;
    private final SandboxKuaidi100Gate gate;
    private final SandboxKuaidi100Pushes pushes;

    SandboxKuaidi100Controls(SandboxKuaidi100 sandbox, SandboxKuaidi100Gate gate, SandboxKuaidi100Pushes pushes) {
        this.sandbox = sandbox;
        this.gate = gate;
        this.pushes = pushes;
    }

    void routes(Router router) {
        router.post("/sandbox/faults").handler(this::plantFaults);
        router.post("/sandbox/journeys/:orderId").handler(this::scriptJourney);
        router.get("/sandbox/orders/:orderId").handler(this::showOrder);
    }

    private void plantFaults(RoutingContext ctx) {
        JsonObject body = json(ctx);
        if (body == null || !(body.getValue("count") instanceof Integer count) || count < 0
                || !(body.getValue("status") instanceof Integer status) || !FAULT_STATUSES.contains(status)) {
            refuse(ctx, 400, "count (0 or more) and status (500, 503 or 429) are required");
            return;
        }
        gate.plantFaults(count, status);
        ctx.response().setStatusCode(204).end();
    }

    private void scriptJourney(RoutingContext ctx) {
        String orderId = ctx.pathParam("orderId");
        JsonObject body = json(ctx);
        Optional<SandboxSfExpressJourney> journey = body != null && body.getValue("journey") instanceof String name
                ? SandboxSfExpressJourney.named(name) : Optional.empty();
        Object step = body == null ? null : body.getValue("stepMillis");
        long stepMillis = step == null ? SandboxSfExpressJourney.DEFAULT_STEP_MILLIS
                : step instanceof Integer millis && millis >= SandboxSfExpressJourney.MIN_STEP_MILLIS
                        && millis <= SandboxSfExpressJourney.MAX_STEP_MILLIS ? millis : -1;
        if (!SandboxKuaidi100.ORDER_ID.matcher(orderId).matches() || journey.isEmpty() || stepMillis < 0) {
            refuse(ctx, 400, "a valid partnerOrderId, journey (normal, delayed, exception, returned or lost) and, "
                    + "optionally, stepMillis (50 to 60000) are required");
            return;
        }
        SandboxKuaidi100Parcel parcel = sandbox.heardOf(orderId);
        if (!parcel.script(journey.get(), stepMillis)) {
            refuse(ctx, 409, "the parcel's journey has begun; it can no longer be scripted");
            return;
        }
        pushes.rescripted(parcel);
        ctx.response().setStatusCode(204).end();
    }

    private void showOrder(RoutingContext ctx) {
        sandbox.find(ctx.pathParam("orderId")).ifPresentOrElse(
                parcel -> ctx.json(parcel.sandboxView()),
                () -> refuse(ctx, 404, "the sandbox never heard of this partnerOrderId"));
    }

    private static JsonObject json(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("message", message).encode());
    }
}
