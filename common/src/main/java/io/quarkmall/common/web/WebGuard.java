package io.quarkmall.common.web;

import io.quarkmall.common.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The first thing every request meets, before security or JSON: paths with dot segments or NUL,
 * and bodies over the limit, are answered with problem+json at once; every answer says
 * {@code nosniff}, and an answer to a signed-in caller is never stored by a cache.
 */
@ApplicationScoped
public class WebGuard {

    /** ".." or "." as a whole segment, also percent-encoded, and NUL anywhere. */
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)", Pattern.CASE_INSENSITIVE);

    private final WebConfig config;

    WebGuard(WebConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        var response = ctx.response();
        response.putHeader("X-Content-Type-Options", "nosniff");
        if (ctx.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            ctx.addHeadersEndHandler(v -> {
                if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
        String uri = ctx.request().uri();
        String path = uri.indexOf('?') < 0 ? uri : uri.substring(0, uri.indexOf('?'));
        if (DOT_SEGMENT.matcher(path).find() || uri.toLowerCase(Locale.ROOT).contains("%00")) {
            send(ctx, Problem.of("invalid-path", "Invalid path", 400,
                    "The path has dot segments or a NUL character; send the plain path of a resource."));
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            send(ctx, Problem.of("body-too-large", "Request body too large", 413,
                    "Request bodies are limited to " + config.maxBodyBytes() + " bytes."));
            return;
        }
        ctx.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > config.maxBodyBytes();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Outside JAX-RS, so written by hand; the body is what {@link Problem} writes through Jackson. */
    static void send(RoutingContext ctx, Problem problem) {
        var body = new JsonObject().put("type", problem.type().toString()).put("title", problem.title())
                .put("status", problem.status()).put("detail", problem.detail());
        if (problem.status() == 413 && ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close"); // the unread body is not worth reading
        }
        ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body.encode());
    }
}
