package io.quarkmall.stack;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import redis.embedded.RedisServer;

/** Redis from the redis-server binary inside embedded-redis; no persistence, as a cache. */
final class RedisNode implements Server {

    private RedisServer redis;

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public int port() {
        return Ports.REDIS;
    }

    @Override
    public void start() throws Exception {
        redis = RedisServer.newRedisServer()
                .port(Ports.REDIS)
                .bind(Readiness.HOST)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        redis.start();
    }

    /** Asks the server itself: {@code INFO server} answers with {@code redis_version:...}. */
    @Override
    public String version() throws Exception {
        try (var socket = new Socket(Readiness.HOST, Ports.REDIS)) {
            socket.getOutputStream().write("INFO server\r\n".getBytes(StandardCharsets.US_ASCII));
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("redis_version:")) {
                    return "Redis " + line.substring("redis_version:".length()).trim();
                }
            }
        }
        return "Redis (version not reported)";
    }

    @Override
    public void close() throws Exception {
        if (redis != null) {
            redis.stop();
        }
    }
}
