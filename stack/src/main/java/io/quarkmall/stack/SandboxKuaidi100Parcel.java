package io.quarkmall.stack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * A parcel the aggregator sandbox has heard of, by the merchant's order id: once booked its carrier
 * ({@code kuaidicom}) and tracking number, once subscribed the callback URL and salt its pushes go to, and the
 * scans its journey has played. The journey starts when the number is subscribed; each scan is pushed with
 * the whole history so far, newest first, as Kuaidi100 does. Scans happen on timers while the API reads and
 * cancels the parcel, so each change holds its lock, and only the latest timer started may bring the next scan.
 */
final class SandboxKuaidi100Parcel {

    /** What a cancellation found. */
    enum Cancellation { CANCELLED, ALREADY_COLLECTED }

    /** Kuaidi100 writes times as China's wall clock, to the second. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    private static final long NO_TIMER = -1;

    /** One scan of the journey. */
    private record Scan(SandboxKuaidi100Status status, Instant time, Instant eta) {
        JsonObject json() {
            return new JsonObject().put("time", TIME.format(time)).put("ftime", TIME.format(time)).put("context", status.context)
                    .put("areaName", status.areaName).put("status", status.state).put("statusCode", status.statusCode);
        }
    }

    /** One push of the history up to a scan: attempted until acknowledged or given up. */
    static final class Push {
        final JsonObject lastResult;
        final String callbackUrl;
        final String salt;
        final boolean last;
        private final AtomicInteger attempts = new AtomicInteger();
        private volatile boolean acknowledged;

        private Push(JsonObject lastResult, String callbackUrl, String salt, boolean last) {
            this.lastResult = lastResult;
            this.callbackUrl = callbackUrl;
            this.salt = salt;
            this.last = last;
        }

        /** Counts an attempt and returns its number, 1 for the first. */
        int attempt() {
            return attempts.incrementAndGet();
        }

        void acknowledge() {
            acknowledged = true;
        }

        JsonObject json() {
            return new JsonObject().put("scans", lastResult.getJsonArray("data").size()).put("attempts", attempts.get())
                    .put("acknowledged", acknowledged);
        }
    }

    final String partnerOrderId;
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final List<Scan> scans = new ArrayList<>();
    private final List<Push> pushes = new ArrayList<>();
    private SandboxSfExpressJourney journey = SandboxSfExpressJourney.NORMAL;
    private long stepMillis = SandboxSfExpressJourney.DEFAULT_STEP_MILLIS;
    private String kuaidicom;
    private String number;
    private Integer weightGrams;
    private String callbackUrl;
    private String salt;
    private Instant subscribedAt;
    private boolean cancelled;
    private long pendingTimer = NO_TIMER;

    SandboxKuaidi100Parcel(String partnerOrderId) {
        this.partnerOrderId = partnerOrderId;
    }

    void countApiCall() {
        apiCalls.incrementAndGet();
    }

    /** Books the parcel with {@code kuaidicom} under a new number; false (and nothing changes) when it was booked before. */
    synchronized boolean book(String kuaidicom, Supplier<String> newNumber, Integer weightGrams) {
        if (this.number != null) {
            return false;
        }
        this.kuaidicom = kuaidicom;
        this.number = newNumber.get();
        this.weightGrams = weightGrams;
        return true;
    }

    /** Subscribes its number; false (and nothing changes) when it was subscribed before. */
    synchronized boolean subscribe(String callbackUrl, String salt, Instant now) {
        if (this.callbackUrl != null) {
            return false;
        }
        this.callbackUrl = callbackUrl;
        this.salt = salt;
        this.subscribedAt = now;
        return true;
    }

    /** Scripts the journey; false once its first scan has happened. */
    synchronized boolean script(SandboxSfExpressJourney journey, long stepMillis) {
        if (!scans.isEmpty()) {
            return false;
        }
        this.journey = journey;
        this.stepMillis = stepMillis;
        return true;
    }

    /** Cancels a parcel not yet picked up: no scan happens any more. Cancelling twice is no change. */
    synchronized Cancellation cancel() {
        if (!scans.isEmpty()) {
            return Cancellation.ALREADY_COLLECTED;
        }
        cancelled = true;
        pendingTimer = NO_TIMER;
        return Cancellation.CANCELLED;
    }

    /** Starts the timer of the next scan, {@code stepMillis} from now; earlier timers are stale from then on. */
    synchronized void awaitNextScan(LongUnaryOperator startTimer) {
        if (journeyGoesOn()) {
            pendingTimer = startTimer.applyAsLong(stepMillis);
        }
    }

    /** After a script: the first scan, if still to come, comes {@code stepMillis} after the subscription. */
    synchronized void restartFirstScan(Instant now, LongUnaryOperator startTimer) {
        if (journeyGoesOn() && scans.isEmpty()) {
            long delay = subscribedAt.plusMillis(stepMillis).toEpochMilli() - now.toEpochMilli();
            pendingTimer = startTimer.applyAsLong(Math.max(1, delay));
        }
    }

    /** The push of the scan the timer brings, or null when the timer is stale, the parcel cancelled or the journey over. */
    synchronized Push happen(long timer, Instant now) {
        if (timer != pendingTimer || !journeyGoesOn()) {
            return null;
        }
        pendingTimer = NO_TIMER;
        int step = scans.size();
        var status = SandboxKuaidi100Status.of(journey.step(step));
        scans.add(new Scan(status, now, journey.eta(step, now, stepMillis)));
        var push = new Push(lastResult(), callbackUrl, salt, scans.size() == journey.length());
        pushes.add(push);
        return push;
    }

    /** Kuaidi100's {@code lastResult}: the newest scan's state, and every scan so far, newest first. */
    private JsonObject lastResult() {
        Scan newest = scans.get(scans.size() - 1);
        var data = new JsonArray();
        for (int i = scans.size() - 1; i >= 0; i--) {
            data.add(scans.get(i).json());
        }
        return new JsonObject().put("message", "ok").put("status", "200").put("com", kuaidicom).put("nu", number)
                .put("state", newest.status().state).put("ischeck", newest.status().ends() ? "1" : "0")
                .put("arrivalTime", newest.eta() == null ? null : TIME.format(newest.eta())).put("data", data);
    }

    synchronized boolean booked() {
        return number != null;
    }

    synchronized String number() {
        return number;
    }

    synchronized String kuaidicom() {
        return kuaidicom;
    }

    /** What the sandbox's control {@code GET /sandbox/orders/{orderId}} shows. */
    synchronized JsonObject sandboxView() {
        var pushed = new JsonArray();
        pushes.forEach(push -> pushed.add(push.json()));
        return new JsonObject().put("orderId", partnerOrderId).put("kuaidicom", kuaidicom).put("kuaidinum", number)
                .put("weightGrams", weightGrams).put("subscribed", callbackUrl != null).put("apiCalls", apiCalls.get())
                .put("cancelled", cancelled).put("pushes", pushed);
    }

    private boolean journeyGoesOn() {
        return callbackUrl != null && !cancelled && scans.size() < journey.length();
    }
}
