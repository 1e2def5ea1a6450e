package io.quarkmall.stock.rest;

import io.quarkmall.common.web.ClientAddress;
import io.quarkmall.common.web.WebConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The caller's address for the flash sale's per-address limit, read as common's rate limit reads
 * it ({@link ClientAddress}): the socket's peer, or the entry our own proxies wrote in
 * X-Forwarded-For; never an address the client merely claims.
 */
@ApplicationScoped
public class CallerAddress {

    private final ClientAddress addresses;

    CallerAddress(WebConfig config) {
        this.addresses = new ClientAddress(config.trustedProxies(), config.forwardedHops());
    }

    public String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : addresses.of(request);
    }
}
