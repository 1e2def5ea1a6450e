package io.quarkmall.stack;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * The carrier sandbox's own controls under {@code /sandbox}, for tests and demos (no signature):
 * <ul>
 * <li>{@code POST /sandbox/faults} {@code {"count":n,"status":500|503|429}}: the next n API calls fail so;
 * <li>{@code POST /sandbox/journeys/{orderId}} {@code {"journey":"normal|delayed|exception|returned|lost",
 * "stepMillis":50..60000}}: the journey of that order's booking, before or after it is booked, until its
 * first event (then 409 {@code JOURNEY_BEGUN});
 * <li>{@code GET /sandbox/orders/{orderId}}: its waybill, product ({@code expressTypeId}) and weight as booked, how many API
 * calls named it, whether it was
 * cancelled, and each route event's push: its pushId, opCode, attempts and whether it was acknowledged.
 * </ul>
 * Bad input is 400 {@code A1002}; an order never heard of is 404 {@code 8018}.
 */
final class SandboxSfExpressControls {

    private static final Set<Integer> FAULT_STATUSES = Set.of(500, 503, 429);

    private final SandboxSfExpressOrders orders;
    private final SandboxSfExpressGate gate;
    private final SandboxSfExpressJourneys journeys;

    SandboxSfExpressControls(SandboxSfExpressOrders orders, SandboxSfExpressGate gate, SandboxSfExpressJourneys journeys) {
        this.orders = orders;
        this.gate = gate;
        this.journeys = journeys;
    }

    void routes(Router router) {
        router.post("/sandbox/faults").handler(this::plantFaults);
        router.post("/sandbox/journeys/:orderId").handler(this::scriptJourney);
        router.get("/sandbox/orders/:orderId").handler(this::showOrder);
    }

    private void plantFaults(RoutingContext ctx) {
        JsonObject body = SandboxSfExpress.json(ctx);
        if (body == null || !(body.getValue("count") instanceof Integer count) || count < 0
                || !(body.getValue("status") instanceof Integer status) || !FAULT_STATUSES.contains(status)) {
            SandboxSfExpress.refuse(ctx, 400, "A1002", "count (0 or more) and status (500, 503 or 429) are required");
            return;
        }
        gate.plantFaults(count, status);
        ctx.response().setStatusCode(204).end();
    }

    private void scriptJourney(RoutingContext ctx) {
        String orderId = ctx.pathParam("orderId");
        JsonObject body = SandboxSfExpress.json(ctx);
        Optional<SandboxSfExpressJourney> journey = body != null && body.getValue("journey") instanceof String name
                ? SandboxSfExpressJourney.named(name) : Optional.empty();
        long stepMillis = body == null ? -1 : stepMillis(body);
        if (!SandboxSfExpressBooking.ORDER_ID.matcher(orderId).matches() || journey.isEmpty() || stepMillis < 0) {
            SandboxSfExpress.refuse(ctx, 400, "A1002", "a valid orderId, journey (normal, delayed, exception, returned "
                    + "or lost) and, optionally, stepMillis (50 to 60000) are required");
            return;
        }
        SandboxSfExpressOrder order = orders.heardOf(orderId);
        if (!order.script(journey.get(), stepMillis)) {
            SandboxSfExpress.refuse(ctx, 409, "JOURNEY_BEGUN", "the order's journey has begun; it can no longer be scripted");
            return;
        }
        journeys.rescripted(order);
        ctx.response().setStatusCode(204).end();
    }

    /** The step interval asked for, the default when none is, or -1 when it is out of range. */
    private static long stepMillis(JsonObject body) {
        Object step = body.getValue("stepMillis");
        if (step == null) {
            return SandboxSfExpressJourney.DEFAULT_STEP_MILLIS;
        }
        return step instanceof Integer millis && millis >= SandboxSfExpressJourney.MIN_STEP_MILLIS
                && millis <= SandboxSfExpressJourney.MAX_STEP_MILLIS ? millis : -1;
    }

    private void showOrder(RoutingContext ctx) {
        orders.find(ctx.pathParam("orderId")).ifPresentOrElse(
                order -> SandboxSfExpress.answer(ctx, 200, order.sandboxView()),
                () -> SandboxSfExpress.refuse(ctx, 404, "8018", "the sandbox never heard of this orderId"));
    }
}
