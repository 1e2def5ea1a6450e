package io.quarkmall.stack;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A pushing carrier sandbox's own controls under {@code /sandbox} (the aggregator's, the label API's), for tests and
 * demos (JSON, no credentials), as the SF-like sandbox has them:
 * <ul>
 * <li>{@code POST /sandbox/faults} {@code {"count":n,"status":500|503|429}}: the next n API calls fail so;
 * <li>{@code POST /sandbox/journeys/{reference}} {@code {"journey":"normal|delayed|exception|returned|lost",
 * "stepMillis":50..60000}}: the journey of the parcel the merchant names so (its order id), before or after it is
 * booked, until its first scan (then 409);
 * <li>{@code GET /sandbox/orders/{reference}}: the sandbox's view of that parcel, and of each of its pushes.
 * </ul>
 * Bad input is 400; a parcel never heard of is 404.
 */
final class SandboxPushControls {

    private static final Set<Integer> FAULT_STATUSES = Set.of(500, 503, 429);

    private final Pattern references;
    private final Function<String, SandboxPush.Source> heardOf;
    private final Function<String, Optional<JsonObject>> views;
    private final SandboxCallWindow window;
    private final SandboxPushPlayer player;

    /**
     * {@code heardOf} the parcel under a reference (remembered from then on), {@code views} its view if the sandbox
     * heard of it; {@code window} takes planted faults, {@code player} times a journey scripted after its start.
     */
    SandboxPushControls(Pattern references, Function<String, SandboxPush.Source> heardOf,
                        Function<String, Optional<JsonObject>> views, SandboxCallWindow window, SandboxPushPlayer player) {
        this.references = references;
        this.heardOf = heardOf;
        this.views = views;
        this.window = window;
        this.player = player;
    }

    void routes(Router router) {
        router.post("/sandbox/faults").handler(this::plantFaults);
        router.post("/sandbox/journeys/:reference").handler(this::scriptJourney);
        router.get("/sandbox/orders/:reference").handler(this::showOrder);
    }

    private void plantFaults(RoutingContext ctx) {
        JsonObject body = json(ctx);
        if (body == null || !(body.getValue("count") instanceof Integer count) || count < 0
                || !(body.getValue("status") instanceof Integer status) || !FAULT_STATUSES.contains(status)) {
            refuse(ctx, 400, "count (0 or more) and status (500, 503 or 429) are required");
            return;
        }
        window.plantFaults(count, status);
        ctx.response().setStatusCode(204).end();
    }

    private void scriptJourney(RoutingContext ctx) {
        String reference = ctx.pathParam("reference");
        JsonObject body = json(ctx);
        Optional<SandboxSfExpressJourney> journey = body != null && body.getValue("journey") instanceof String name
                ? SandboxSfExpressJourney.named(name) : Optional.empty();
        Object step = body == null ? null : body.getValue("stepMillis");
        long stepMillis = step == null ? SandboxSfExpressJourney.DEFAULT_STEP_MILLIS
                : step instanceof Integer millis && millis >= SandboxSfExpressJourney.MIN_STEP_MILLIS
                        && millis <= SandboxSfExpressJourney.MAX_STEP_MILLIS ? millis : -1;
        if (!references.matcher(reference).matches() || journey.isEmpty() || stepMillis < 0) {
            refuse(ctx, 400, "a valid reference, journey (normal, delayed, exception, returned or lost) and, "
                    + "optionally, stepMillis (50 to 60000) are required");
            return;
        }
        SandboxPush.Source parcel = heardOf.apply(reference);
        if (!parcel.journey().script(journey.get(), stepMillis)) {
            refuse(ctx, 409, "the parcel's journey has begun; it can no longer be scripted");
            return;
        }
        player.rescripted(parcel);
        ctx.response().setStatusCode(204).end();
    }

    private void showOrder(RoutingContext ctx) {
        views.apply(ctx.pathParam("reference")).ifPresentOrElse(ctx::json,
                () -> refuse(ctx, 404, "the sandbox never heard of this reference"));
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
