package io.quarkmall.common.web;

import io.quarkmall.common.problem.Problem;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-user and per-address request limits (OWASP API4/API6), shared by every replica through
 * Redis: a signed-in caller is counted by the principal of their verified token, anyone else by
 * their address ({@link ClientAddress}: never an address the client merely claims). Over the limit the answer is 429 with Retry-After, as problem+json. If Redis is
 * down the request goes through: the limit protects the mall, it must not take it down.
 */
@ApplicationScoped
public class RateLimit {

    private static final Logger LOG = Logger.getLogger(RateLimit.class);
    /** One round trip: count the request, start the window on its first, and say how long it has left. */
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('PTTL', KEYS[1])}""";
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** A slow Redis must not slow every request down: past this the request goes through uncounted. */
    private static final Duration REDIS_PATIENCE = Duration.ofMillis(200);

    private final ReactiveRedisDataSource redis;
    private final CurrentIdentityAssociation identities;
    private final WebConfig.RateLimit config;
    private final ClientAddress clients;
    private final String service;
    private final Clock clock;

    RateLimit(ReactiveRedisDataSource redis, CurrentIdentityAssociation identities, WebConfig config,
              @ConfigProperty(name = "quarkus.application.name") String service, Clock clock) {
        this.redis = redis;
        this.identities = identities;
        this.config = config.rateLimit();
        this.clients = new ClientAddress(config.trustedProxies(), config.forwardedHops());
        this.service = service;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Uni<jakarta.ws.rs.core.Response> limit(HttpServerRequest request) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        if (request.path().contains("/notifications/") || request.path().contains("/carriers/")) {
            return count("notify:" + clients.of(request), config.notificationsPerMinute());
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null) // a bad token is judged later, counted as anonymous here
                .chain(identity -> identity == null || identity.isAnonymous()
                        ? count("ip:" + clients.of(request), config.anonymousPerMinute())
                        : count("user:" + identity.getPrincipal().getName(), config.userPerMinute()));
    }

    private Uni<jakarta.ws.rs.core.Response> count(String caller, int limit) {
        long window = clock.millis() / WINDOW.toMillis();
        String key = "ratelimit:" + service + ":" + caller + ":" + window;
        return redis.execute("EVAL", COUNT, "1", key, Long.toString(WINDOW.toMillis()))
                .map(counted -> verdict(counted, limit))
                .ifNoItem().after(REDIS_PATIENCE).recoverWithItem(() -> {
                    LOG.warn("Rate limit not checked, Redis is slow");
                    return null;
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Rate limit not checked, Redis failed: %s", e.getMessage());
                    return null;
                });
    }

    private static jakarta.ws.rs.core.Response verdict(Response counted, int limit) {
        if (counted.get(0).toLong() <= limit) {
            return null;
        }
        long retryAfter = Math.max(1, (counted.get(1).toLong() + 999) / 1000);
        return jakarta.ws.rs.core.Response.fromResponse(Problem.of("rate-limited", "Too many requests", 429,
                        "Too many requests from you in a short time; retry in " + retryAfter + " s.").toResponse())
                .header(HttpHeaders.RETRY_AFTER, retryAfter).build();
    }
}
