package io.quarkmall.pay.channel.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The merchant's notify_url for WechatPayChannelTest, until pay's own notification endpoint is wired:
 * it records every notification the WeChat Pay sandbox posts (headers in lower case, body as sent) and
 * answers 204, or 500 while {@link #refuseNext} says so, so the sandbox sends it again.
 */
public class WechatNotificationInbox implements QuarkusTestResourceLifecycleManager {

    record Received(Map<String, String> headers, String body) {}

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REFUSALS = new AtomicInteger();
    private static HttpServer server;

    /** The next {@code n} notifications are answered 500. */
    static void refuseNext(int n) {
        REFUSALS.set(n);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/wechat/notify", WechatNotificationInbox::receive);
        server.start();
        return Map.of("quarkmall.pay.wechat.notify-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/wechat/notify");
    }

    private static void receive(HttpExchange exchange) throws IOException {
        var headers = new HashMap<String, String>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        RECEIVED.add(new Received(Map.copyOf(headers), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        boolean refuse = REFUSALS.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        exchange.sendResponseHeaders(refuse ? 500 : 204, -1);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
