package io.quarkmall.stack;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.httpproxy.HttpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The edge on :8080: {@code /api/<service>/...} goes to that service unchanged (each service
 * serves under its own root path), everything else is the SPA. Hashed assets may be cached
 * forever; {@code index.html} never, so a new release shows at once, as it will behind a CDN.
 */
final class EdgeNode implements Server {

    private final StackLayout layout;
    private final Map<String, HttpProxy> proxies = new HashMap<>();
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
        var client = vertx.createHttpClient();
        for (Ports.Service service : Ports.SERVICES) {
            proxies.put(service.name(), HttpProxy.reverseProxy(client).origin(service.port(), Readiness.HOST));
        }
        Router spa = spaRouter();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> route(request, spa))
                .listen(Ports.EDGE, Readiness.HOST)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (server.actualPort() != Ports.EDGE) {
            throw new IllegalStateException("The edge could not bind port " + Ports.EDGE);
        }
    }

    private void route(HttpServerRequest request, Router spa) {
        String path = request.path();
        if (path.startsWith("/api/")) {
            int end = path.indexOf('/', "/api/".length());
            String service = path.substring("/api/".length(), end < 0 ? path.length() : end);
            HttpProxy proxy = proxies.get(service);
            if (proxy != null) {
                proxy.handle(request);
            } else {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"https://quarkmall.io/problems/not-found\",\"title\":\"Not found\","
                                + "\"status\":404,\"detail\":\"No service is called " + service.replaceAll("[^a-z-]", "")
                                + ".\"}");
            }
            return;
        }
        spa.handle(request);
    }

    private Router spaRouter() {
        Router router = Router.router(vertx);
        Path dist = layout.root().resolve("spa/dist");
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
