package io.quarkmall.common.web;

import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who is calling, as far as the network can tell: the socket's peer, or, when that peer is one of
 * our own proxies, the address those proxies recorded. Proxies append to {@code X-Forwarded-For},
 * so only its last {@code hops} entries were written by us; anything to their left is whatever the
 * client claimed and is never trusted. IPv6 callers are counted by their /64, which is what one
 * subscriber gets. Public so a service can count callers as common's rate limit does (stock's flash
 * sale limits buyers per address).
 */
public final class ClientAddress {

    private final List<Cidr> trustedProxies;
    private final int hops;

    public ClientAddress(List<String> trustedProxies, int hops) {
        this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
        this.hops = hops;
    }

    public String of(HttpServerRequest request) {
        return of(request.remoteAddress().hostAddress(), request.getHeader("X-Forwarded-For"));
    }

    String of(String peer, String forwarded) {
        if (hops > 0 && forwarded != null && trustedProxies.stream().anyMatch(cidr -> cidr.contains(peer))) {
            String[] entries = forwarded.split(",");
            String recorded = entries[Math.max(0, entries.length - hops)].trim();
            if (!recorded.isEmpty()) {
                return bucket(recorded);
            }
        }
        return bucket(peer);
    }

    /** An IPv6 address stands for its /64; anything unparsable stands for itself. */
    static String bucket(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            java.util.Arrays.fill(bytes, 8, bytes.length, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException | ArrayIndexOutOfBoundsException e) {
            return address;
        }
    }

    /** An address range, e.g. 10.0.0.0/16, or a single address. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                return new Cidr(network, parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an address range: " + text, e);
            }
        }

        boolean contains(String address) {
            byte[] candidate;
            try {
                candidate = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                return false;
            }
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
        }
    }
}
