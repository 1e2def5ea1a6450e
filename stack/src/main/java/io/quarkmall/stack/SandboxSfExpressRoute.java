package io.quarkmall.stack;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One route event of a parcel, as it is pushed to the merchant and listed by the routes API, and how its
 * push went. Its pushId is the same on every attempt, so that the merchant can tell a retry from news.
 */
final class SandboxSfExpressRoute {

    final String pushId = UUID.randomUUID().toString();
    final String orderId;
    final String waybillNo;
    final SandboxSfExpressOpCode op;
    final Instant acceptTime;
    /** The delivery instant predicted at this event, or null when no delivery is expected. */
    final Instant eta;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean acknowledged;

    SandboxSfExpressRoute(String orderId, String waybillNo, SandboxSfExpressOpCode op, Instant acceptTime, Instant eta) {
        this.orderId = orderId;
        this.waybillNo = waybillNo;
        this.op = op;
        this.acceptTime = acceptTime;
        this.eta = eta;
    }

    /** The push body, and an entry of the routes API. */
    JsonObject json() {
        return new JsonObject().put("pushId", pushId).put("waybillNo", waybillNo).put("orderId", orderId)
                .put("opCode", op.code).put("remark", op.remark).put("acceptAddress", op.acceptAddress)
                .put("acceptTime", acceptTime.toString()).put("eta", eta == null ? null : eta.toString());
    }

    /** How the push went, for the sandbox's view of the order. */
    JsonObject pushJson() {
        return new JsonObject().put("pushId", pushId).put("opCode", op.code).put("attempts", attempts.get())
                .put("acknowledged", acknowledged);
    }

    /** Counts an attempt to push this event and returns its number, 1 for the first. */
    int attempt() {
        return attempts.incrementAndGet();
    }

    void acknowledge() {
        acknowledged = true;
    }
}
