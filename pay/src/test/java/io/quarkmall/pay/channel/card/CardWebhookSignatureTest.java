package io.quarkmall.pay.channel.card;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.pay.channel.InvalidNotification;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The PSP's webhook signature, without a stack. */
class CardWebhookSignatureTest {

    static final String SECRET = "whsec_test";
    static final String BODY = "{\"type\":\"charge.succeeded\",\"data\":{\"reference\":\"order-1\"}}";
    static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");

    @Test
    void a_body_signed_with_the_secret_within_five_minutes_verifies() {
        assertDoesNotThrow(() -> CardWebhookSignature.verify(SECRET, CardWebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY), BODY, NOW));
        assertDoesNotThrow(() -> CardWebhookSignature.verify(SECRET,
                CardWebhookSignature.sign(SECRET, NOW.minusSeconds(300).getEpochSecond(), BODY), BODY, NOW));
    }

    @Test
    void another_secret_another_body_or_a_changed_timestamp_is_refused() {
        long t = NOW.getEpochSecond();
        refused(CardWebhookSignature.sign("whsec_other", t, BODY), BODY);
        refused(CardWebhookSignature.sign(SECRET, t, BODY), BODY.replace("order-1", "order-2"));
        refused(CardWebhookSignature.sign(SECRET, t, BODY).replace("t=" + t, "t=" + (t - 1)), BODY);
    }

    @Test
    void a_signature_older_or_newer_than_five_minutes_is_refused() {
        refused(CardWebhookSignature.sign(SECRET, NOW.minusSeconds(301).getEpochSecond(), BODY), BODY);
        refused(CardWebhookSignature.sign(SECRET, NOW.plusSeconds(301).getEpochSecond(), BODY), BODY);
    }

    @Test
    void a_missing_or_malformed_header_is_refused() {
        refused(null, BODY);
        refused("", BODY);
        refused("v1=" + "a".repeat(64), BODY);
        refused("t=" + NOW.getEpochSecond(), BODY);
        refused("t=abc,v1=" + "a".repeat(64), BODY);
    }

    private static void refused(String header, String body) {
        assertThrows(InvalidNotification.class, () -> CardWebhookSignature.verify(SECRET, header, body, NOW));
    }
}
