package io.quarkmall.stack;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the edge refuses before routing (as a CDN or ingress would), and the headers it puts on the
 * SPA. The limits are those the services and the SPA need with room to spare.
 */
final class EdgeLimits {

    static final int MAX_URI = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;
    static final long MAX_BODY = 1024 * 1024;
    /** Keep-alive connections the edge holds open to each service, as an ingress's upstream pool does. */
    static final int CONNECTIONS_PER_SERVICE = 64;
    /** Open live streams (server-sent events) to each service: one connection each, apart from the pool above. */
    static final int STREAMS_PER_SERVICE = 4096;
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)", Pattern.CASE_INSENSITIVE);

    record Refusal(int status, String type, String title, String detail) {}

    private EdgeLimits() {
    }

    /** Null when the request may go on. */
    static Refusal check(HttpServerRequest request) {
        String uri = request.uri();
        if (uri.length() > MAX_URI) {
            return new Refusal(414, "uri-too-long", "URI too long",
                    "Request URIs are limited to " + MAX_URI + " characters; send long input in a body.");
        }
        if (headerBytes(request) > MAX_HEADERS) {
            return new Refusal(431, "headers-too-large", "Request headers too large",
                    "Request headers are limited to " + MAX_HEADERS + " bytes in all.");
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (DOT_SEGMENT.matcher(path).find() || uri.toLowerCase(Locale.ROOT).contains("%00")) {
            return new Refusal(400, "invalid-path", "Invalid path",
                    "The path has dot segments or a NUL character; send the plain path of a resource.");
        }
        return bodyRefusal(request);
    }

    private static Refusal bodyRefusal(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
            return chunked ? new Refusal(411, "length-required", "Length required",
                    "Send the body with a Content-Length.") : null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return new Refusal(400, "invalid-content-length", "Invalid Content-Length", "Content-Length is not a number.");
        }
        return bytes > MAX_BODY ? new Refusal(413, "body-too-large", "Request body too large",
                "Request bodies are limited to " + MAX_BODY + " bytes.") : null;
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /**
     * Scripts, styles and API calls only from the shop itself; sign-in through the OIDC provider
     * named in the SPA's config.json (its login page, token endpoint and silent-renew frame). The
     * SPA frames itself for silent renew, and the card PSP's hosted field ({@code cardFieldsOrigin}
     * in config.json), so frames are allowed from those origins only.
     */
    static String contentSecurityPolicy(Path configJson) throws IOException {
        String auth = "";
        String cardFields = "";
        if (Files.exists(configJson)) {
            JsonObject config = new JsonObject(Files.readString(configJson));
            auth = origin(config.getString("oidcAuthority", ""));
            cardFields = origin(config.getString("cardFieldsOrigin", ""));
        }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'" + auth + "; frame-src 'self'" + auth + cardFields + "; "
                + "form-action 'self'" + auth + "; frame-ancestors 'self'; base-uri 'self'; object-src 'none'";
    }

    /** " scheme://host[:port]" of a URL, or "" if it has none. */
    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() != null && uri.getAuthority() != null ? " " + uri.getScheme() + "://" + uri.getAuthority() : "";
    }

    static void securityHeaders(HttpServerResponse response, String csp) {
        response.putHeader("Content-Security-Policy", csp)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "strict-origin-when-cross-origin")
                .putHeader("X-Frame-Options", "SAMEORIGIN")
                .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }
}
