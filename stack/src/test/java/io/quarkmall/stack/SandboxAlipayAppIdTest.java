package io.quarkmall.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The sandbox's app ids look like Alipay's and can never be read as a card number. */
class SandboxAlipayAppIdTest {

    @Test
    void an_app_id_is_16_digits_beginning_2021_and_never_luhn_valid() {
        var random = new SecureRandom();
        for (int i = 0; i < 10_000; i++) {
            String id = SandboxAlipay.newAppId(random);
            assertTrue(id.matches("2021[0-9]{12}"), id);
            assertFalse(luhnValid(id), id + " passes the Luhn check");
        }
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = digits.charAt(i) - '0';
            sum += position % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }
}
