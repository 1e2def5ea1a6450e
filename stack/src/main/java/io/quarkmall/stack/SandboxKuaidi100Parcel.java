package io.quarkmall.stack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A parcel the aggregator sandbox has heard of, by the merchant's order id: once booked its carrier
 * ({@code kuaidicom}) and tracking number, once subscribed the callback URL and salt its pushes go to, and the
 * pushes of its journey. The journey starts when the number is subscribed; each scan is pushed with the whole
 * history so far, newest first, as Kuaidi100 does.
 */
final class SandboxKuaidi100Parcel implements SandboxPush.Source {

    /** Kuaidi100 writes times as China's wall clock, to the second. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    /** One scan as the aggregator words it in {@code lastResult.data}. */
    private static JsonObject json(SandboxParcelJourney.Scan scan) {
        var status = SandboxKuaidi100Status.of(scan.op());
        return new JsonObject().put("time", TIME.format(scan.time())).put("ftime", TIME.format(scan.time()))
                .put("context", status.context).put("areaName", status.areaName).put("status", status.state)
                .put("statusCode", status.statusCode);
    }

    /**
     * The push of the history up to a scan, as a form: {@code param} (JSON: {@code status} polling, or shutdown with
     * the last scan; {@code pushTime}, epoch milliseconds of the attempt; {@code lastResult} with every scan so far)
     * and {@code sign}, MD5 of {@code param + salt}.
     */
    static final class Push extends SandboxPush {
        final JsonObject lastResult;
        private final String callbackUrl;
        private final String salt;
        private final boolean last;

        private Push(JsonObject lastResult, String callbackUrl, String salt, boolean last) {
            this.lastResult = lastResult;
            this.callbackUrl = callbackUrl;
            this.salt = salt;
            this.last = last;
        }

        @Override
        HttpRequest request() {
            String param = new JsonObject().put("status", last ? "shutdown" : "polling").put("message", "")
                    .put("pushTime", Long.toString(System.currentTimeMillis())).put("lastResult", lastResult).encode();
            String form = "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8)
                    + "&sign=" + SandboxKuaidi100Signature.push(param, salt);
            return HttpRequest.newBuilder(URI.create(callbackUrl)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        }

        /** Kuaidi100 takes a push as received only when told {@code "result":true}; it pushes again otherwise. */
        @Override
        boolean acknowledgedBy(int status, String body) {
            try {
                return status == 200 && Boolean.TRUE.equals(new JsonObject(body).getValue("result"));
            } catch (RuntimeException e) {
                return false;
            }
        }

        JsonObject json() {
            return new JsonObject().put("scans", lastResult.getJsonArray("data").size()).put("attempts", attempts())
                    .put("acknowledged", acknowledged());
        }
    }

    final String partnerOrderId;
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final SandboxParcelJourney journey = new SandboxParcelJourney();
    private final List<Push> pushes = new ArrayList<>();
    private String kuaidicom;
    private String number;
    private Integer weightGrams;
    private String callbackUrl;
    private String salt;

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
        return journey.start(now);
    }





    @Override
    public SandboxParcelJourney journey() {
        return journey;
    }

    @Override
    public synchronized Push happen(long timer, Instant now) {
        List<SandboxParcelJourney.Scan> scans = journey.happen(timer, now);
        if (scans == null) {
            return null;
        }
        var push = new Push(lastResult(scans), callbackUrl, salt, journey.over());
        pushes.add(push);
        return push;
    }

    /** Kuaidi100's {@code lastResult}: the newest scan's state, and every scan so far, newest first. */
    private JsonObject lastResult(List<SandboxParcelJourney.Scan> scans) {
        SandboxParcelJourney.Scan newest = scans.get(scans.size() - 1);
        var status = SandboxKuaidi100Status.of(newest.op());
        var data = new JsonArray();
        for (int i = scans.size() - 1; i >= 0; i--) {
            data.add(json(scans.get(i)));
        }
        return new JsonObject().put("message", "ok").put("status", "200").put("com", kuaidicom).put("nu", number)
                .put("state", status.state).put("ischeck", status.ends() ? "1" : "0")
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
                .put("cancelled", journey.cancelled()).put("pushes", pushed);
    }

}
