package io.quarkmall.shipping.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.shipping.domain.TrackingCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A push of the Kuaidi100-like aggregator, read: a form of {@code param} (JSON) and {@code sign}, MD5 of
 * {@code param + salt}. {@code param.pushTime} (epoch milliseconds, stamped afresh on each attempt) must be
 * within the tolerance, and the signature is the push's nonce, so a push replayed as it was sent is refused.
 * {@code lastResult.data} holds every scan so far, newest first, each named by what it says (its number, time, code
 * and city make its push id), so a scan whose push was lost arrives with the next one and a scan applied
 * before changes nothing. Times are China's wall clock; {@code lastResult.arrivalTime} is the ETA at the newest scan.
 */
final class Kd100Tracking {

    /** Its sub-state codes in our one tracking model; another code makes the push unreadable. */
    private static final Map<String, TrackingCode> CODES = Map.of(
            "103", TrackingCode.PICKED_UP,
            "1001", TrackingCode.ARRIVED_AT_SORTING_CENTRE,
            "1002", TrackingCode.IN_TRANSIT,
            "501", TrackingCode.OUT_FOR_DELIVERY,
            "301", TrackingCode.DELIVERED,
            "208", TrackingCode.DELAYED,
            "204", TrackingCode.EXCEPTION,
            "601", TrackingCode.RETURNED_TO_SENDER,
            "209", TrackingCode.LOST);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MOST_SCANS = 500;

    private Kd100Tracking() {
    }

    static CarrierPush read(ObjectMapper json, String salt, Duration tolerance, byte[] body, Instant now) {
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        String param = form.get("param");
        String sign = form.get("sign");
        if (param == null || !Kd100Signature.pushVerifies(param, salt, sign)) {
            throw InvalidPush.unauthenticated("the push is not signed with our salt");
        }
        JsonNode push = parse(json, param);
        String pushTime = push.path("pushTime").asText("");
        if (!pushTime.matches("[0-9]{1,15}")
                || Duration.between(Instant.ofEpochMilli(Long.parseLong(pushTime)), now).abs().compareTo(tolerance) > 0) {
            throw InvalidPush.unauthenticated("the push's pushTime is missing or more than " + tolerance + " from now");
        }
        JsonNode result = push.path("lastResult");
        String number = result.path("nu").asText("");
        JsonNode data = result.path("data");
        if (!CarrierPush.IDENTIFIER.matcher(number).matches() || !data.isArray() || data.isEmpty() || data.size() > MOST_SCANS) {
            throw InvalidPush.unreadable("lastResult needs nu (1-64 printable ASCII characters) and 1-" + MOST_SCANS
                    + " scans in data");
        }
        var scans = new ArrayList<CarrierPush.Scan>();
        for (int oldestFirst = 1; oldestFirst <= data.size(); oldestFirst++) {
            JsonNode entry = data.get(data.size() - oldestFirst);
            boolean newest = oldestFirst == data.size();
            scans.add(scan(number, entry, newest ? time(result, "arrivalTime", true) : null));
        }
        return new CarrierPush(sign, number, List.copyOf(scans));
    }

    private static CarrierPush.Scan scan(String number, JsonNode entry, Instant eta) {
        String statusCode = entry.path("statusCode").asText("");
        TrackingCode code = CODES.get(statusCode);
        if (code == null) {
            throw InvalidPush.unreadable("each scan needs a known statusCode (not " + entry.path("statusCode") + ")");
        }
        String city = entry.path("areaName").asText(null);
        String context = entry.path("context").asText("");
        Instant at = time(entry, "time", false);
        return new CarrierPush.Scan(CarrierPush.Scan.contentId(number, at.toString(), statusCode, String.valueOf(city)), code,
                CarrierCities.place(code, city), context.isBlank() ? code.name() : context, at, eta);
    }

    /** A time field as China's wall clock; null when optional and absent. */
    private static Instant time(JsonNode node, String field, boolean optional) {
        if (optional && node.path(field).asText("").isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(node.path(field).asText(""), TIME).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidPush.unreadable(field + " is not a time like 2026-11-29 10:00:00");
        }
    }

    private static JsonNode parse(ObjectMapper json, String param) {
        return CarrierHttp.object(json, param.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> InvalidPush.unreadable("param is not a JSON object"));
    }

    /** A form body's fields, each decoded; a field given twice keeps its first value. */
    private static Map<String, String> form(String body) {
        var fields = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw InvalidPush.unreadable("the form is not URL-encoded");
                }
            }
        }
        return fields;
    }
}
