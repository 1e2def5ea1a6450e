package io.quarkmall.shipping.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkmall.shipping.config.ShippingConfig;
import io.quarkmall.shipping.domain.DeliveryService;
import io.quarkmall.shipping.domain.TrackingCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The SF-Express-like carrier: we book a parcel with {@code POST /api/orders} and call it off with
 * {@code POST /api/orders/{orderId}/cancel}, each call signed ({@code X-Partner-Id}, {@code X-Request-Id},
 * {@code X-Timestamp}, {@code X-Signature}); it pushes each route event to our callback URL, signed over a
 * fresh nonce. A 429 (with its Retry-After), a 5xx, a timeout or a refused connection is a carrier that is
 * unavailable for now; another 4xx a refusal.
 */
@ApplicationScoped
class SfExpress implements CarrierApi {

    static final String CODE = "sf";
    /** SF's products: 1 顺丰特快 (priority) for express delivery, 2 顺丰标快 (standard express) for standard. */
    private static final int PRIORITY = 1;
    private static final int STANDARD_EXPRESS = 2;
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{16,64}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

    private final ShippingConfig.Sf config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SfExpress(ShippingConfig config, ObjectMapper json) {
        this.config = config.sf();
        this.json = json;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Booked book(long orderId, DeliveryService service, Optional<Integer> weightGrams) {
        ObjectNode order = json.createObjectNode().put("orderId", CarrierApi.reference(orderId))
                .put("callbackUrl", config.callbackUrl()).put("cargo", "Quarkmall order " + orderId)
                .put("expressTypeId", service == DeliveryService.EXPRESS ? PRIORITY : STANDARD_EXPRESS);
        weightGrams.ifPresent(grams -> order.put("weightGrams", grams));
        HttpResponse<String> answer = call("/api/orders", order.toString());
        if (answer.statusCode() != 200) {
            throw refusal(answer);
        }
        String waybill = parse(answer.body().getBytes(StandardCharsets.UTF_8))
                .map(node -> node.path("waybillNo").asText("")).orElse("");
        if (waybill.isBlank()) {
            throw new CarrierUnavailable("the carrier answered a booking without a waybill", null);
        }
        return new Booked(waybill, null);
    }

    @Override
    public boolean callOff(long orderId) {
        HttpResponse<String> answer = call("/api/orders/" + CarrierApi.reference(orderId) + "/cancel", "");
        return switch (answer.statusCode()) {
            case 200, 404 -> true; // called off, or never booked there: nothing to collect either way
            case 409 -> false;
            default -> throw refusal(answer);
        };
    }

    @Override
    public CarrierPush read(Map<String, String> headers, byte[] body, Instant now) {
        String timestamp = headers.getOrDefault("x-timestamp", "");
        String nonce = headers.getOrDefault("x-nonce", "");
        String key = config.key().orElseThrow(() -> InvalidPush.unauthenticated("no partner key is configured for sf"));
        if (!config.partnerId().equals(headers.get("x-partner-id")) || !TIMESTAMP.matcher(timestamp).matches()
                || !NONCE.matcher(nonce).matches()
                || !SfSignature.verifies(key, timestamp, nonce, body, headers.getOrDefault("x-signature", ""))) {
            throw InvalidPush.unauthenticated("the push is not signed with the partner key");
        }
        if (Duration.between(Instant.ofEpochMilli(Long.parseLong(timestamp)), now).abs().compareTo(config.tolerance()) > 0) {
            throw InvalidPush.unauthenticated("the push's timestamp is more than " + config.tolerance() + " from now");
        }
        JsonNode route = parse(body).orElseThrow(() -> InvalidPush.unreadable("the body is not a JSON object"));
        TrackingCode code = SfRoutes.code(route.path("opCode").asText(null))
                .orElseThrow(() -> InvalidPush.unreadable("unknown opCode " + route.path("opCode")));
        String pushId = text(route, "pushId");
        String city = route.path("acceptAddress").asText(null);
        return new CarrierPush(nonce, text(route, "waybillNo"), List.of(new CarrierPush.Scan(pushId, code,
                CarrierCities.place(code, city), route.path("remark").asText(city == null ? code.name() : city),
                instant(route, "acceptTime"), route.path("eta").isTextual() ? instant(route, "eta") : null)));
    }

    private HttpResponse<String> call(String path, String body) {
        String key = key();
        String timestamp = Long.toString(System.currentTimeMillis());
        String requestId = UUID.randomUUID().toString();
        var request = HttpRequest.newBuilder(config.url().resolve(path)).timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json").header("X-Partner-Id", config.partnerId())
                .header("X-Request-Id", requestId).header("X-Timestamp", timestamp)
                .header("X-Signature", SfSignature.sign(key, timestamp, requestId, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CarrierHttp.send(http, request, "the carrier");
    }

    private RuntimeException refusal(HttpResponse<String> answer) {
        return new CarrierRefused("the carrier refused: " + answer.statusCode() + " " + answer.body());
    }

    private String key() {
        return config.key().orElseThrow(() -> new CarrierRefused("no partner key for the sf carrier (QUARKMALL_SHIPPING_SF_KEY)"));
    }

    @Override
    public Map<String, Object> acknowledgement() {
        return Map.of("code", "0", "message", "success");
    }

    @Override
    public Optional<String> unusableBecause() {
        return config.key().isPresent() ? Optional.empty() : Optional.of("no partner key (QUARKMALL_SHIPPING_SF_KEY)");
    }

    private Optional<JsonNode> parse(byte[] body) {
        return CarrierHttp.object(json, body);
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (!CarrierPush.IDENTIFIER.matcher(value).matches()) {
            throw InvalidPush.unreadable(field + " must be 1-64 printable ASCII characters");
        }
        return value;
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(node.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw InvalidPush.unreadable(field + " is not an ISO-8601 instant");
        }
    }
}
