package io.quarkmall.stack;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The edge on :8080, as the ingress and the CDN are in production: {@code /api/<service>/...} goes
 * to that service unchanged (each service serves under its own root path) with the caller's
 * address in {@code X-Forwarded-For}; everything else is the SPA, with its security headers.
 * Hashed assets may be cached forever; {@code index.html} never, so a new release shows at once.
 * What the edge refuses itself (oversized, malformed, a service down) it answers as problem+json.
 */
final class EdgeNode implements Server {

    private final StackLayout layout;
    private final Map<String, HttpProxy> proxies = new HashMap<>();
    /** Live streams hold their connection for as long as a page is open: they get a pool of their own. */
    private final Map<String, HttpProxy> streamProxies = new HashMap<>();
    private Vertx vertx;

    EdgeNode(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return "edge";
    }

    @Override
    public int port() {
        return Ports.EDGE;
    }

    @Override
    public void start() throws Exception {
        vertx = Vertx.vertx();
        // Vert.x keeps 5 connections per origin by default: under load every request to a service
        // queued behind them (bench/checkout measured cart p50 1.4 s through the edge, 48 ms direct).
        var client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(EdgeLimits.CONNECTIONS_PER_SERVICE)
                .setKeepAlive(true));
        var streams = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(EdgeLimits.STREAMS_PER_SERVICE)
                .setKeepAlive(true));
        for (Ports.Service service : Ports.SERVICES) {
            proxies.put(service.name(), HttpProxy.reverseProxy(client).origin(service.port(), Readiness.HOST)
                    .addInterceptor(new ForwardedFor()));
            streamProxies.put(service.name(), HttpProxy.reverseProxy(streams).origin(service.port(), Readiness.HOST)
                    .addInterceptor(new ForwardedFor()));
        }
        Router spa = spaRouter();
        // Vert.x's own limits answer with empty bodies: keep them far above ours, which answer problem+json.
        // HTTP/1.1 only, as browsers speak to a plain-http origin (no h2c upgrade, whose header
        // rules the proxied answers do not follow).
        var options = new HttpServerOptions().setMaxInitialLineLength(1 << 20).setMaxHeaderSize(1 << 20)
                .setHttp2ClearTextEnabled(false);
        HttpServer server = vertx.createHttpServer(options)
                .requestHandler(request -> route(request, spa))
                .listen(Ports.EDGE, Readiness.HOST)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (server.actualPort() != Ports.EDGE) {
            throw new IllegalStateException("The edge could not bind port " + Ports.EDGE);
        }
    }

    private void route(HttpServerRequest request, Router spa) {
        EdgeLimits.Refusal refusal = EdgeLimits.check(request);
        if (refusal != null) {
            problem(request.response(), refusal.status(), refusal.type(), refusal.title(), refusal.detail());
            return;
        }
        String path = request.path();
        if (path.startsWith("/api/")) {
            int end = path.indexOf('/', "/api/".length());
            String service = path.substring("/api/".length(), end < 0 ? path.length() : end);
            // The services' live streams are the paths ending in /live (GET /orders/{id}/live, ...).
            boolean stream = path.endsWith("/live");
            HttpProxy proxy = (stream ? streamProxies : proxies).get(service);
            if (proxy != null) {
                proxy.handle(request);
            } else {
                problem(request.response(), 404, "not-found", "Not found",
                        "No service is called " + service.replaceAll("[^a-z-]", "") + ".");
            }
            return;
        }
        spa.handle(request);
    }

    static void problem(HttpServerResponse response, int status, String type, String title, String detail) {
        if (status == 413 || status == 411) {
            response.putHeader("Connection", "close"); // the unread body is not worth reading
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(problemJson(status, type, title, detail));
    }

    private static String problemJson(int status, String type, String title, String detail) {
        return new JsonObject().put("type", "https://quarkmall.io/problems/" + type).put("title", title)
                .put("status", status).put("detail", detail).encode();
    }

    /**
     * The caller's address for the services' per-address limits (replacing whatever the caller
     * claimed), and a problem+json 502 when the service does not answer.
     */
    private static final class ForwardedFor implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var proxied = context.request().proxiedRequest();
            context.request().headers().set("X-Forwarded-For", proxied.remoteAddress().hostAddress())
                    .set("X-Forwarded-Proto", proxied.scheme() == null ? "http" : proxied.scheme())
                    .remove("Forwarded");
            return context.sendRequest().recover(failure -> {
                ProxyResponse unavailable = context.request().response().setStatusCode(502)
                        .putHeader("Content-Type", "application/problem+json")
                        .setBody(Body.body(Buffer.buffer(problemJson(502, "service-unavailable", "Service unavailable",
                                "This part of the mall is not answering right now; retry in a moment."))));
                return Future.succeededFuture(unavailable);
            });
        }
    }

    private Router spaRouter() throws Exception {
        Router router = Router.router(vertx);
        Path dist = layout.root().resolve("spa/dist");
        String csp = EdgeLimits.contentSecurityPolicy(dist.resolve("config.json"));
        router.route().handler(ctx -> {
            EdgeLimits.securityHeaders(ctx.response(), csp);
            ctx.next();
        });
        if (!Files.isDirectory(dist)) {
            router.route().handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache").end(LandingPage.html()));
            return router;
        }
        router.route().handler(ctx -> {
            boolean hashed = ctx.request().path().startsWith("/assets/");
            ctx.response().putHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
            ctx.next();
        });
        router.route().handler(StaticHandler.create(FileSystemAccess.ROOT, dist.toAbsolutePath().toString())
                .setCachingEnabled(false).setIndexPage("index.html"));
        // Client-side routes (/orders/42) get the SPA's index, never cached.
        router.route().handler(ctx -> ctx.response().sendFile(dist.resolve("index.html").toString()));
        return router;
    }

    @Override
    public String version() {
        return "Quarkmall edge (Vert.x " + io.vertx.core.impl.launcher.commands.VersionCommand.getVersion()
                + ") on http://localhost:" + Ports.EDGE;
    }

    @Override
    public void close() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
