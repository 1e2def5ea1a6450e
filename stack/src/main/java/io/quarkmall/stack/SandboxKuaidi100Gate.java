package io.quarkmall.stack;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * What every API call of the aggregator sandbox passes before it is served, in this order. The call is counted
 * on the parcel it names, whatever happens to it next. A planted fault answers first (HTTP 500, 503, or 429 with
 * Retry-After). More than {@value #CALLS_PER_SECOND} calls within one second are refused (HTTP 429). Then the
 * form's credentials: {@code key} the merchant's, {@code t} (epoch milliseconds) less than five minutes off, and
 * {@code sign} over {@code param + t + key + secret}; a failure is returnCode 601. Last, a signature already let
 * through in the last ten minutes is a replay: returnCode 602. Refusals other than faults are HTTP 200 with
 * {@code result:false}, as Kuaidi100 answers.
 */
final class SandboxKuaidi100Gate implements Handler<RoutingContext> {

    static final int CALLS_PER_SECOND = 20;
    private static final long CLOCK_SKEW_MILLIS = 5 * 60_000L;

    private final SandboxKuaidi100 sandbox;
    private final SandboxCallWindow window;

    SandboxKuaidi100Gate(SandboxKuaidi100 sandbox, SandboxCallWindow window) {
        this.sandbox = sandbox;
        this.window = window;
    }

    @Override
    public void handle(RoutingContext ctx) {
        sandbox.parcelNamedBy(ctx).ifPresent(SandboxKuaidi100Parcel::countApiCall);
        if (window.failedByPlantedFault(ctx)) {
            return;
        }
        if (!window.admitted()) {
            SandboxCallWindow.fail(ctx, 429);
        } else if (!credentialsVerify(ctx)) {
            SandboxKuaidi100.answer(ctx, "601", "key, t or sign is wrong: unknown key, a time more than five minutes off "
                    + "or a bad signature", null);
        } else if (!window.firstSeen(ctx.request().getFormAttribute("sign"))) {
            SandboxKuaidi100.answer(ctx, "602", "replayed request", null);
        } else {
            ctx.next();
        }
    }

    private static boolean credentialsVerify(RoutingContext ctx) {
        String key = ctx.request().getFormAttribute("key");
        String t = ctx.request().getFormAttribute("t");
        String param = ctx.request().getFormAttribute("param");
        if (!SandboxKuaidi100.KEY.equals(key) || param == null || t == null || !t.matches("[0-9]{1,15}")
                || Math.abs(System.currentTimeMillis() - Long.parseLong(t)) > CLOCK_SKEW_MILLIS) {
            return false;
        }
        return SandboxKuaidi100Signature.same(SandboxKuaidi100Signature.apiCall(param, t, key, SandboxKuaidi100.SECRET),
                ctx.request().getFormAttribute("sign"));
    }
}
