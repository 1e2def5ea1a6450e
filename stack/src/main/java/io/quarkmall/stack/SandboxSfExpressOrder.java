package io.quarkmall.stack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * A partner order the carrier sandbox has heard of: named in an API call or a script, and once booked its
 * waybill, callback URL and journey. Its route events happen on timers while the API reads and cancels it,
 * so each change holds the order's lock. Only the latest timer started for it may bring its next event:
 * that keeps one journey's events strictly one after another, even when a script restarts the first one.
 */
final class SandboxSfExpressOrder {

    /** What a cancellation found. */
    enum Cancellation { CANCELLED, ALREADY_COLLECTED }

    private static final long NO_TIMER = -1;

    final String orderId;
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final List<SandboxSfExpressRoute> routes = new ArrayList<>();
    private SandboxSfExpressJourney journey = SandboxSfExpressJourney.NORMAL;
    private long stepMillis = SandboxSfExpressJourney.DEFAULT_STEP_MILLIS;
    private String waybillNo;
    private String callbackUrl;
    private int expressTypeId;
    private Integer weightGrams;
    private Instant bookedAt;
    private boolean cancelled;
    private long pendingTimer = NO_TIMER;

    SandboxSfExpressOrder(String orderId) {
        this.orderId = orderId;
    }

    void countApiCall() {
        apiCalls.incrementAndGet();
    }

    /** Books the order with a new waybill as {@code booking} asks; false (and nothing changes) when it was booked before. */
    synchronized boolean book(SandboxSfExpressBooking booking, Supplier<String> newWaybill, Instant now) {
        if (waybillNo != null) {
            return false;
        }
        this.waybillNo = newWaybill.get();
        this.callbackUrl = booking.callbackUrl();
        this.expressTypeId = booking.expressTypeId();
        this.weightGrams = booking.weightGrams();
        this.bookedAt = now;
        return true;
    }

    /** Scripts the journey; false once its first event has happened. */
    synchronized boolean script(SandboxSfExpressJourney journey, long stepMillis) {
        if (!routes.isEmpty()) {
            return false;
        }
        this.journey = journey;
        this.stepMillis = stepMillis;
        return true;
    }

    /** Cancels a parcel not yet picked up: no event happens any more. Cancelling twice is no change. */
    synchronized Cancellation cancel() {
        if (!routes.isEmpty()) {
            return Cancellation.ALREADY_COLLECTED;
        }
        cancelled = true;
        pendingTimer = NO_TIMER;
        return Cancellation.CANCELLED;
    }

    /** Starts the timer of the next event, {@code stepMillis} from now; earlier timers are stale from then on. */
    synchronized void awaitNextEvent(LongUnaryOperator startTimer) {
        if (journeyGoesOn()) {
            pendingTimer = startTimer.applyAsLong(stepMillis);
        }
    }

    /** After a script: the first event, if still to come, comes {@code stepMillis} after the booking. */
    synchronized void restartFirstEvent(Instant now, LongUnaryOperator startTimer) {
        if (waybillNo != null && routes.isEmpty() && !cancelled) {
            long delay = bookedAt.plusMillis(stepMillis).toEpochMilli() - now.toEpochMilli();
            pendingTimer = startTimer.applyAsLong(Math.max(1, delay));
        }
    }

    /** The event the timer brings, or null when the timer is stale, the order cancelled or the journey over. */
    synchronized SandboxSfExpressRoute happen(long timer, Instant now) {
        if (timer != pendingTimer || !journeyGoesOn()) {
            return null;
        }
        pendingTimer = NO_TIMER;
        int step = routes.size();
        var route = new SandboxSfExpressRoute(orderId, waybillNo, journey.step(step), now,
                journey.eta(step, now, stepMillis));
        routes.add(route);
        return route;
    }

    synchronized boolean booked() {
        return waybillNo != null;
    }

    synchronized String waybillNo() {
        return waybillNo;
    }

    synchronized String callbackUrl() {
        return callbackUrl;
    }

    synchronized JsonArray routesJson() {
        var json = new JsonArray();
        routes.forEach(route -> json.add(route.json()));
        return json;
    }

    /** What the sandbox's control {@code GET /sandbox/orders/{orderId}} shows. */
    synchronized JsonObject sandboxView() {
        var pushes = new JsonArray();
        routes.forEach(route -> pushes.add(route.pushJson()));
        return new JsonObject().put("orderId", orderId).put("waybillNo", waybillNo)
                .put("expressTypeId", waybillNo == null ? null : expressTypeId).put("weightGrams", weightGrams)
                .put("apiCalls", apiCalls.get())
                .put("cancelled", cancelled).put("pushes", pushes);
    }

    private boolean journeyGoesOn() {
        return waybillNo != null && !cancelled && routes.size() < journey.length();
    }
}
