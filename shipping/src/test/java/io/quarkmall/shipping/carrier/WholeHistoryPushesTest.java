package io.quarkmall.shipping.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.shipping.domain.TrackingCode;
import io.quarkmall.stack.testing.Signatures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading the pushes of the carriers that send a parcel's whole history (the Kuaidi100-like aggregator, the
 * EasyPost-like label API), without a server: what a scan is named by, and hostile input refused as a 4xx would be.
 */
class WholeHistoryPushesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SALT = "a-salt-of-ours";
    private static final String SECRET = "a-webhook-secret-of-ours";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void a_scan_keeps_its_push_id_wherever_it_stands_in_the_history_and_the_eta_goes_with_the_newest() {
        Instant now = Instant.now();
        String picked = kdScan("103", "深圳市", "2026-11-29 10:00:00");
        String arrived = kdScan("1001", "上海市", "2026-11-29 12:00:00");
        CarrierPush first = kd100(kdParam(now, "2026-12-02 18:00:00", picked), SALT, now);
        CarrierPush later = kd100(kdParam(now, "", arrived, picked), SALT, now);

        assertEquals(first.scans().get(0).pushId(), later.scans().get(0).pushId(), "the pick-up, first in both");
        assertEquals(List.of(TrackingCode.PICKED_UP, TrackingCode.ARRIVED_AT_SORTING_CENTRE),
                later.scans().stream().map(CarrierPush.Scan::code).toList(), "oldest first");
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), first.scans().get(0).eta(), "China's wall clock");
        assertNull(later.scans().get(1).eta(), "a blank arrivalTime is none");
        assertEquals("CN-SH-SORT", later.scans().get(1).place());

        String elsewhere = kdScan("1001", "杭州市", "2026-11-29 12:00:00");
        CarrierPush twoCities = kd100(kdParam(now, "", elsewhere, arrived, picked), SALT, now);
        assertTrue(!twoCities.scans().get(1).pushId().equals(twoCities.scans().get(2).pushId()),
                "one code in one second, in two cities: two scans");
        String marked = kdScan("103", "深圳市", "2026-11-29 10:00:00").replace("快件", "快\\u202e件\\u0085\\u0000");
        assertEquals("快 件", kd100(kdParam(now, "", marked), SALT, now).scans().get(0).location(),
                "control and format characters (a bidi override, NEL, NUL) do not reach the database or a reader");
    }

    @Test
    void hostile_aggregator_pushes_are_refused_as_forged_or_unreadable() {
        Instant now = Instant.now();
        String param = kdParam(now, "", kdScan("103", "深圳市", "2026-11-29 10:00:00"));
        assertRefused(true, () -> kd100(param, "not-our-salt", now));
        assertRefused(true, () -> kd100(param, SALT, now.plus(Duration.ofMinutes(6))));
        assertRefused(false, () -> Kd100Tracking.read(JSON, SALT, TOLERANCE, "param=%zz&sign=00".getBytes(StandardCharsets.UTF_8), now));
        assertRefused(true, () -> Kd100Tracking.read(JSON, SALT, TOLERANCE, new byte[] {(byte) 0xff, 0, 1}, now));
        assertRefused(false, () -> kd100("{not json", SALT, now));
        assertRefused(false, () -> kd100(kdParam(now, "", kdScan("103", "深圳市", "2026-02-30 10:00:00")), SALT, now));
        assertRefused(false, () -> kd100(kdParam(now, "", kdScan("103", "深圳市", "99999-11-29 10:00:00")), SALT, now));
        assertRefused(false, () -> kd100(kdParam(now, "not a time", kdScan("103", "深圳市", "2026-11-29 10:00:00")), SALT, now));
        assertRefused(false, () -> kd100(kdParam(now, "", "42"), SALT, now));
        assertRefused(false, () -> kd100(kdParam(now, "", kdScan("103", "深圳市", "2026-11-29 10:00:00"))
                .replace("YT1234567890123", "YT\\u0000123"), SALT, now)); // a NUL in the number
        String signedFirst = "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8) + "&sign=" + Signatures.md5UpperHex(param + SALT);
        String forgedSecond = "param=" + URLEncoder.encode("{}", StandardCharsets.UTF_8) + "&sign=" + Signatures.md5UpperHex("{}" + SALT);
        assertEquals(1, Kd100Tracking.read(JSON, SALT, TOLERANCE, (signedFirst + "&" + forgedSecond)
                .getBytes(StandardCharsets.UTF_8), now).scans().size(), "a field given twice: the first counts");
    }

    @Test
    void hostile_label_api_events_are_refused_and_a_good_one_reads_oldest_first() {
        Instant now = Instant.now();
        String event = epEvent("LZ123456789US", "2026-12-09T10:00:00Z",
                epDetail("received_at_origin_facility", "SHENZHEN", "2026-11-29T02:00:00Z"),
                epDetail("arrived_at_facility", "SHANGHAI", "2026-11-29T04:00:00Z"));
        CarrierPush push = easypost(event, SECRET, now.toEpochMilli(), now);
        assertEquals("LZ123456789US", push.waybill());
        assertEquals(List.of(TrackingCode.PICKED_UP, TrackingCode.ARRIVED_AT_SORTING_CENTRE),
                push.scans().stream().map(CarrierPush.Scan::code).toList());
        assertEquals(Instant.parse("2026-12-09T10:00:00Z"), push.scans().get(1).eta());

        assertRefused(true, () -> easypost(event, "not-our-webhook-secret", now.toEpochMilli(), now));
        assertRefused(true, () -> easypost(event, SECRET, now.minus(Duration.ofMinutes(6)).toEpochMilli(), now));
        assertRefused(true, () -> EasyPostTracking.read(JSON, SECRET, TOLERANCE, Map.of("x-timestamp", "1e9",
                "x-hmac-signature", "hmac-sha256-hex=" + Signatures.hmacSha256Hex(SECRET, "1e9." + event)),
                event.getBytes(StandardCharsets.UTF_8), now)); // signed, but not a time in milliseconds
        assertRefused(false, () -> easypost("[1,2]", SECRET, now.toEpochMilli(), now));
        assertRefused(false, () -> easypost(event.replace("tracker.updated", "batch.created"), SECRET, now.toEpochMilli(), now));
        assertRefused(false, () -> easypost(epEvent("LZ1", "", "null"), SECRET, now.toEpochMilli(), now));
        assertRefused(false, () -> easypost(epEvent("LZ1", "", epDetail("lost", "X", "yesterday")), SECRET,
                now.toEpochMilli(), now));
    }

    private static void assertRefused(boolean unauthenticated, org.junit.jupiter.api.function.Executable read) {
        InvalidPush refused = assertThrows(InvalidPush.class, read);
        assertEquals(unauthenticated, refused.unauthenticated(), refused.getMessage());
        assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
    }

    private static CarrierPush kd100(String param, String salt, Instant now) {
        String form = "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8) + "&sign=" + Signatures.md5UpperHex(param + salt);
        return Kd100Tracking.read(JSON, SALT, TOLERANCE, form.getBytes(StandardCharsets.UTF_8), now);
    }

    private static String kdParam(Instant pushTime, String arrivalTime, String... newestFirst) {
        return """
                {"status":"polling","pushTime":"%d","lastResult":{"nu":"YT1234567890123","com":"yuantong",\
                "arrivalTime":"%s","data":[%s]}}""".formatted(pushTime.toEpochMilli(), arrivalTime, String.join(",", newestFirst));
    }

    private static String kdScan(String statusCode, String city, String time) {
        return """
                {"time":"%s","context":"快件","areaName":"%s","statusCode":"%s"}""".formatted(time, city, statusCode);
    }

    private static CarrierPush easypost(String body, String secret, long timestamp, Instant now) {
        return EasyPostTracking.read(JSON, SECRET, TOLERANCE, Map.of("x-timestamp", Long.toString(timestamp),
                "x-hmac-signature", "hmac-sha256-hex=" + Signatures.hmacSha256Hex(secret, timestamp + "." + body)), body.getBytes(StandardCharsets.UTF_8), now);
    }

    private static String epEvent(String code, String eta, String... oldestFirst) {
        return """
                {"description":"tracker.updated","result":{"tracking_code":"%s","est_delivery_date":"%s","tracking_details":[%s]}}"""
                .formatted(code, eta, String.join(",", oldestFirst));
    }

    private static String epDetail(String statusDetail, String city, String datetime) {
        return """
                {"message":"scan","status_detail":"%s","datetime":"%s","tracking_location":{"city":"%s"}}"""
                .formatted(statusDetail, datetime, city);
    }


}
