package io.quarkmall.stock.rest;

import io.quarkmall.common.web.WebConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The caller's address for the flash sale's per-address limit, read as common's rate limit reads
 * it (common keeps its reader private): the socket's peer, or, when the peer is one of our own
 * proxies ({@code quarkmall.web.trusted-proxies}), the entry they wrote {@code forwarded-hops}
 * from the end of X-Forwarded-For. Anything further left is the client's claim and never trusted.
 */
@ApplicationScoped
public class CallerAddress {

    private final List<String> trustedProxies;
    private final int hops;

    CallerAddress(WebConfig config) {
        this.trustedProxies = config.trustedProxies();
        this.hops = config.forwardedHops();
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (hops > 0 && forwarded != null && trustedProxies.stream().anyMatch(range -> contains(range, peer))) {
            String[] entries = forwarded.split(",");
            String recorded = entries[Math.max(0, entries.length - hops)].trim();
            if (!recorded.isEmpty() && recorded.length() <= 64) {
                return recorded;
            }
        }
        return peer;
    }

    /** Whether {@code address} lies in {@code range} (an address or a CIDR block). */
    static boolean contains(String range, String address) {
        String[] parts = range.trim().split("/");
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] candidate = InetAddress.getByName(address).getAddress();
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
