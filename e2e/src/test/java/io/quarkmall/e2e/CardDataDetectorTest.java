package io.quarkmall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.e2e.CardDataDetector.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PCI scan's detector on planted samples, without a stack: what it must find, and what it rightly passes over. */
class CardDataDetectorTest {

    private static List<String> found(String text) {
        return CardDataDetector.scan(text).stream().map(Finding::toString).toList();
    }

    @Test
    void card_numbers_of_every_network_and_length_are_found_written_whole_or_in_groups() {
        for (String card : List.of("4242424242424242", "5555555555554444", "378282246310005", "6011111111111117",
                "4222222222222", "3566002020360505", "6200000000000005", "36227206271667", "4000000000000000006",
                "4242 4242 4242 4242", "4242-4242-4242-4242", "3782 822463 10005", "4000-0000-0000-0000-006")) {
            assertEquals(1, CardDataDetector.scan(card).size(), card);
        }
    }

    @Test
    void a_card_number_is_found_wherever_it_is_written() {
        for (String text : List.of("{\"number\":\"4242424242424242\"}", "charging card 4242424242424242 for order 7",
                "number=4242424242424242&cvc=x", "pan:4242424242424242.", "ch_4242424242424242", "'4242424242424242'",
                "x\t4242 4242 4242 4242\ty")) {
            assertEquals(List.of("card number 424242******4242"), found(text), text);
        }
    }

    @Test
    void what_is_reported_never_repeats_the_whole_number() {
        String report = found("4242424242424242 and 378282246310005").toString();
        assertFalse(report.contains("4242424242424242") || report.contains("378282246310005"), report);
        assertEquals("[card number 424242******4242, card number 378282*****0005]", report);
    }

    @Test
    void numbers_that_fail_luhn_are_too_short_or_too_long_or_part_of_a_longer_number_are_not_cards() {
        for (String text : List.of("4242424242424241", "424242424242", "42424242424242424242", "order 94242424242424242000",
                "v4242424242424241", "4242 4242 4242 424", "4242_4242_4242_4242")) {
            assertEquals(List.of(), found(text), text);
        }
    }

    @Test
    void an_epoch_timestamp_is_no_card_of_any_network_but_the_same_length_from_a_visa_range_is() {
        assertTrue(CardDataDetector.luhnValid("1764288000003"));
        assertEquals(List.of(), found("\"ts\":1764288000003"), "13 digits beginning with 1: no network issues these");
        assertTrue(CardDataDetector.luhnValid("0424242424242424"));
        assertEquals(List.of(), found("0424242424242424"), "0 is no card industry's first digit");
        assertEquals(1, found("4222222222222").size());
        assertEquals(1, found("100000000000009").size(), "15 digits beginning with 1: UATP, an airline card");
    }

    @Test
    void digits_inside_a_hex_digest_are_not_a_card_but_the_same_digits_beside_a_short_word_are() {
        String digest = "abc4242424242424242def0123456789"; // 32 hex characters, as a 128-bit id is written
        assertEquals(32, digest.length());
        assertEquals(List.of(), found("\"participant\":\"" + digest + "\""));
        assertEquals(1, found("\"participant\":\"" + digest.substring(0, 22) + "\"").size(), "too short for a digest");
        assertEquals(List.of(), found("\"id\":\"" + "4242424242424242".repeat(2) + "\""),
                "32 digits and no letter: one long number, never a 13-19 digit card");
    }

    @Test
    void four_groups_of_digits_inside_a_uuid_are_not_a_card_but_the_same_groups_written_alone_are() {
        String uuid = "abcd4242-4242-4242-4242-abcdef012345"; // as a shopper's id from Keycloak may come out
        assertEquals(List.of(), found("\"shopperId\":\"" + uuid + "\""));
        assertEquals(List.of(), found("shopper " + uuid.toUpperCase() + " paid"));
        assertEquals(List.of("card number 424242******4242"), found("card 4242-4242-4242-4242 for order 7"));
        assertEquals(List.of("card number 424242******4242"), found("abcd 4242-4242-4242-4242-abcdef012345"),
                "not a UUID: its first group is not 8 characters");
    }

    @Test
    void cvvs_are_found_under_their_usual_names_in_json_forms_and_logs() {
        for (String text : List.of("{\"cvc\":\"123\"}", "{\"cvv\": 1234}", "cvv2=123&x=1", "securityCode: 987",
                "'security_code' => '321'", "CVC=123", "{\"cardVerificationValue\":\"123\"}", "csc=123")) {
            assertEquals(1, CardDataDetector.scan(text).stream().filter(f -> f.kind() == Finding.Kind.CVV).count(), text);
            assertFalse(found(text).toString().matches(".*[0-9]{3}.*"), "the CVV itself is not reported: " + text);
        }
    }

    @Test
    void a_cvv_name_without_three_or_four_digits_or_inside_another_word_is_not_a_cvv() {
        for (String text : List.of("{\"cvc\":\"12\"}", "cvv=12345", "cvv=abc", "cvcount=123", "xcvv=123", "the cvv field")) {
            assertEquals(List.of(), found(text), text);
        }
        assertTrue(CardDataDetector.isCvvField("cvv", "123"));
        assertTrue(CardDataDetector.isCvvField("security_code", " 4321 "));
        assertFalse(CardDataDetector.isCvvField("cvv", "12"));
        assertFalse(CardDataDetector.isCvvField("cvc_checked", "123"));
    }

    @Test
    void a_card_number_logged_once_among_ordinary_lines_is_caught_with_its_file_and_line(@TempDir Path logs) throws Exception {
        var lines = new ArrayList<String>();
        for (int i = 1; i <= 2000; i++) {
            lines.add("2026-11-28 01:00:00,%03d INFO  [io.quarkmall.pay] (executor-%d) payment %d of order %d: %s at %d"
                    .formatted(i % 1000, i % 8, i, 100_000 + i, UUID.randomUUID(), 1764288000000L + i));
        }
        lines.set(1234, lines.get(1234) + " card=4000000000000119");
        Files.write(logs.resolve("pay.log"), lines);
        Files.write(logs.resolve("clean.log"), lines.subList(0, 1000));
        Files.writeString(logs.resolve("notes.txt"), "4242424242424242 (not a log: not scanned)");

        var report = CardDataScan.logs(logs);

        assertEquals(List.of("pay.log:1235: card number 400000******0119"), report.findings());
        assertEquals(3000, report.scanned());
    }
}
