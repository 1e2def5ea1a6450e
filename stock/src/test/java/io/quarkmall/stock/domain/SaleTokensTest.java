package io.quarkmall.stock.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SaleTokensTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";
    private final SaleTokens tokens = new SaleTokens(SECRET);
    private final Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final Instant end = now.plusSeconds(600);

    @Test
    void a_token_is_good_for_its_shopper_in_its_sale_until_the_sale_ends() {
        String token = tokens.issue(7, "alice", end);
        assertTrue(tokens.valid(token, 7, "alice", now));
        assertTrue(tokens.valid(token, 7, "alice", end.minusMillis(1)));
        assertFalse(tokens.valid(token, 7, "alice", end), "expired at the end");
    }

    @Test
    void a_token_is_worthless_for_another_shopper_or_another_sale() {
        String token = tokens.issue(7, "alice", end);
        assertFalse(tokens.valid(token, 7, "bob", now));
        assertFalse(tokens.valid(token, 8, "alice", now));
        assertFalse(tokens.valid(token.replaceFirst("^7\\.", "8."), 8, "alice", now), "the sale id is signed");
    }

    @Test
    void a_forged_or_altered_token_is_refused() {
        String token = tokens.issue(7, "alice", end);
        String[] parts = token.split("\\.");
        long later = end.plusSeconds(3600).toEpochMilli();
        assertFalse(tokens.valid(parts[0] + "." + later + "." + parts[2], 7, "alice", now), "the expiry is signed");
        assertFalse(tokens.valid(new SaleTokens(SECRET + "x").issue(7, "alice", end), 7, "alice", now), "another secret");
        for (String junk : new String[] {null, "", "7", "7.x.y", "7.1.2.3", "x".repeat(500)}) {
            assertFalse(tokens.valid(junk, 7, "alice", now), String.valueOf(junk));
        }
    }

    @Test
    void a_short_secret_is_refused() {
        var refused = assertThrows(RuleViolation.class, () -> new SaleTokens("short"));
        assertEquals("sale-token-secret-too-short", refused.type());
    }
}
