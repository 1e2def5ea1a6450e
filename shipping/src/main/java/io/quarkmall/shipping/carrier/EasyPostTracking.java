package io.quarkmall.shipping.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.shipping.domain.TrackingCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An event of the EasyPost-like label API, read: JSON signed in {@code X-Hmac-Signature: hmac-sha256-hex=}, the hex
 * HMAC-SHA256 under the webhook secret of {@code X-Timestamp + "." + body} (the body's bytes as sent). The timestamp
 * (epoch milliseconds, new on each attempt) must be within the tolerance, and the signature is the event's nonce, so
 * an event replayed as it was sent is refused. A {@code tracker.updated} event carries the tracker's every tracking
 * detail, oldest first, each named by what it says (its tracking code, time, status detail and city);
 * {@code est_delivery_date} is the ETA at the newest.
 */
final class EasyPostTracking {

    /** Its status details in our one tracking model; another makes the event unreadable. */
    private static final Map<String, TrackingCode> CODES = Map.of(
            "received_at_origin_facility", TrackingCode.PICKED_UP,
            "arrived_at_facility", TrackingCode.ARRIVED_AT_SORTING_CENTRE,
            "departed_facility", TrackingCode.IN_TRANSIT,
            "out_for_delivery", TrackingCode.OUT_FOR_DELIVERY,
            "arrived_at_destination", TrackingCode.DELIVERED,
            "weather_delay", TrackingCode.DELAYED,
            "delivery_exception", TrackingCode.EXCEPTION,
            "return", TrackingCode.RETURNED_TO_SENDER,
            "lost", TrackingCode.LOST);
    private static final String SCHEME = "hmac-sha256-hex=";
    private static final int MOST_SCANS = 500;

    private EasyPostTracking() {
    }

    static CarrierPush read(ObjectMapper json, String secret, Duration tolerance, Map<String, String> headers, byte[] body,
                            Instant now) {
        String timestamp = headers.getOrDefault("x-timestamp", "");
        String signature = headers.getOrDefault("x-hmac-signature", "");
        if (!timestamp.matches("[0-9]{1,15}") || !signature.startsWith(SCHEME)
                || !verifies(secret, timestamp, body, signature.substring(SCHEME.length()))) {
            throw InvalidPush.unauthenticated("the event is not signed with our webhook secret");
        }
        if (Duration.between(Instant.ofEpochMilli(Long.parseLong(timestamp)), now).abs().compareTo(tolerance) > 0) {
            throw InvalidPush.unauthenticated("the event's timestamp is more than " + tolerance + " from now");
        }
        JsonNode event = parse(json, body);
        JsonNode tracker = event.path("result");
        String trackingCode = tracker.path("tracking_code").asText("");
        JsonNode details = tracker.path("tracking_details");
        if (!"tracker.updated".equals(event.path("description").asText()) || !CarrierPush.IDENTIFIER.matcher(trackingCode).matches()
                || !details.isArray() || details.isEmpty() || details.size() > MOST_SCANS) {
            throw InvalidPush.unreadable("only tracker.updated events are read, with a tracking_code (1-64 printable ASCII characters) and "
                    + "1-" + MOST_SCANS + " tracking_details");
        }
        var scans = new ArrayList<CarrierPush.Scan>();
        for (int i = 0; i < details.size(); i++) {
            boolean newest = i == details.size() - 1;
            scans.add(scan(trackingCode, details.get(i), newest ? instant(tracker, "est_delivery_date", true) : null));
        }
        return new CarrierPush(signature, trackingCode, List.copyOf(scans));
    }

    private static CarrierPush.Scan scan(String trackingCode, JsonNode detail, Instant eta) {
        String statusDetail = detail.path("status_detail").asText("");
        TrackingCode code = CODES.get(statusDetail);
        if (code == null) {
            throw InvalidPush.unreadable("each tracking detail needs a known status_detail (not " + detail.path("status_detail") + ")");
        }
        String message = detail.path("message").asText("");
        Instant at = instant(detail, "datetime", false);
        String city = detail.path("tracking_location").path("city").asText(null);
        return new CarrierPush.Scan(CarrierPush.Scan.contentId(trackingCode, at.toString(), statusDetail, String.valueOf(city)),
                code, CarrierCities.place(code, city),
                message.isBlank() ? code.name() : message, at, eta);
    }

    private static boolean verifies(String secret, String timestamp, byte[] body, String hex) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, hex.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** An ISO-8601 instant; null when optional and absent or blank. */
    private static Instant instant(JsonNode node, String field, boolean optional) {
        String text = node.path(field).asText("");
        if (optional && text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidPush.unreadable(field + " is not an ISO-8601 instant");
        }
    }

    private static JsonNode parse(ObjectMapper json, byte[] body) {
        return CarrierHttp.object(json, body).orElseThrow(() -> InvalidPush.unreadable("the body is not a JSON object"));
    }
}
