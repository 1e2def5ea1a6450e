package io.quarkmall.pay.channel.alipay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The merchant's notify_url for AlipayChannelTest: records every notification the Alipay sandbox POSTs
 * and answers {@code success} (or {@code fail} while told to), as pay's notification endpoint will.
 * Global (one set of test resources keeps pay's test class order): it is the notify_url of every pay
 * test until pay has a notification endpoint of its own to point the sandbox at.
 */
public class AlipayNotifyListener implements QuarkusTestResourceLifecycleManager {

    private static final List<String> RECEIVED = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, AtomicInteger> FAILURES_TO_ANSWER = new ConcurrentHashMap<>();
    private static HttpServer server;

    /** The bodies received so far for this out_trade_no, in arrival order. */
    static List<String> bodiesFor(String outTradeNo) {
        String field = "out_trade_no=" + outTradeNo;
        synchronized (RECEIVED) {
            return RECEIVED.stream().filter(b -> List.of(b.split("&")).contains(field)).toList();
        }
    }

    /** The next {@code count} notifications of this trade are answered {@code fail}: the sandbox must send them again. */
    static void failNext(String outTradeNo, int count) {
        FAILURES_TO_ANSWER.put(outTradeNo, new AtomicInteger(count));
    }

    static String field(String body, String name) {
        for (String pair : body.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/alipay/notify", AlipayNotifyListener::receive);
        server.start();
        return Map.of("quarkmall.pay.alipay.notify-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/alipay/notify");
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(body);
        AtomicInteger failures = FAILURES_TO_ANSWER.getOrDefault(field(body, "out_trade_no"), new AtomicInteger());
        String answer = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? "fail" : "success";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
