package io.quarkmall.stack;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * What every {@code /api} call of the carrier sandbox passes before it is served, in this order. The call
 * is counted on the order it names (by path or body), whatever happens to it next. A planted fault answers
 * first. More than {@value #CALLS_PER_SECOND} calls within one second are refused (429). Then the partner's
 * credentials: {@code X-Partner-Id}, an {@code X-Request-Id} of 8-64 characters {@code [A-Za-z0-9-]}, an
 * {@code X-Timestamp} (epoch milliseconds) less than five minutes off, and an {@code X-Signature} over
 * {@code timestamp\nrequestId\nbody}; a failure is 401 {@code A1001}. Last, a request id already let through
 * in the last ten minutes is a replay: 401 {@code A1003}.
 */
final class SandboxSfExpressGate implements Handler<RoutingContext> {

    static final int CALLS_PER_SECOND = 20;
    private static final long CLOCK_SKEW_MILLIS = 5 * 60_000L;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final SandboxSfExpressOrders orders;
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private volatile int faultStatus = 500;
    private final SandboxCallWindow window = new SandboxCallWindow(CALLS_PER_SECOND);

    SandboxSfExpressGate(SandboxSfExpressOrders orders) {
        this.orders = orders;
    }

    /** The next {@code count} API calls answer {@code status} (500, 503 or 429). */
    void plantFaults(int count, int status) {
        faultStatus = status;
        faultsLeft.set(count);
    }

    @Override
    public void handle(RoutingContext ctx) {
        countOnNamedOrder(ctx);
        if (faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            int status = faultStatus;
            if (status == 429) {
                tooManyRequests(ctx);
            } else {
                SandboxSfExpress.refuse(ctx, status, "A1000", "system busy");
            }
        } else if (!window.admitted()) {
            tooManyRequests(ctx);
        } else if (!credentialsVerify(ctx)) {
            SandboxSfExpress.refuse(ctx, 401, "A1001",
                    "unknown partner, malformed request id, timestamp more than five minutes off or bad signature");
        } else if (!window.firstSeen(ctx.request().getHeader("X-Request-Id"))) {
            SandboxSfExpress.refuse(ctx, 401, "A1003", "replayed request");
        } else {
            ctx.next();
        }
    }

    private void countOnNamedOrder(RoutingContext ctx) {
        String orderId = ctx.pathParam("orderId");
        if (orderId == null && SandboxSfExpress.json(ctx) instanceof JsonObject body
                && body.getValue("orderId") instanceof String named) {
            orderId = named;
        }
        if (orderId != null && SandboxSfExpressBooking.ORDER_ID.matcher(orderId).matches()) {
            orders.heardOf(orderId).countApiCall();
        }
    }

    private static void tooManyRequests(RoutingContext ctx) {
        ctx.response().putHeader("Retry-After", "1");
        SandboxSfExpress.refuse(ctx, 429, "A1005", "too many requests");
    }

    private static boolean credentialsVerify(RoutingContext ctx) {
        String requestId = ctx.request().getHeader("X-Request-Id");
        String timestamp = ctx.request().getHeader("X-Timestamp");
        if (!SandboxSfExpress.PARTNER_ID.equals(ctx.request().getHeader("X-Partner-Id"))
                || requestId == null || !REQUEST_ID.matcher(requestId).matches()
                || timestamp == null || !timestamp.matches("[0-9]{1,15}")
                || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > CLOCK_SKEW_MILLIS) {
            return false;
        }
        String body = ctx.body().asString() == null ? "" : ctx.body().asString();
        return SandboxSfExpressSignature.verifies(SandboxSfExpress.PARTNER_KEY,
                SandboxSfExpressSignature.apiCallMessage(timestamp, requestId, body), ctx.request().getHeader("X-Signature"));
    }
}
