package io.quarkmall.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card data in text: a primary account number (a Luhn-valid run of 13 to 19 digits, written
 * whole or in the groups cards print: 4-4-4-4[-3], 4-6-5, 4-6-4) and a card verification code (a
 * key named like one, cvv, cvc, cvv2, securityCode..., with a value of 3 or 4 digits). What it
 * reports never repeats a whole number: the first six and last four digits at most, as PCI DSS
 * allows them to be shown.
 */
final class CardDataDetector {

    /** One thing in the text that is card data. */
    record Finding(Kind kind, String masked) {
        enum Kind { CARD_NUMBER, CVV }

        @Override
        public String toString() {
            return (kind == Kind.CARD_NUMBER ? "card number " : "CVV ") + masked;
        }
    }

    /** Digits not glued to other digits: a longer run of digits is not a 13–19 digit number. */
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])(?:"
            + "[0-9]{13,19}"
            + "|[0-9]{4}([ -])[0-9]{4}\\1[0-9]{4}\\1[0-9]{4}(?:\\1[0-9]{3})?"
            + "|[0-9]{4}([ -])[0-9]{6}\\2[0-9]{4,5}"
            + ")(?![0-9])");

    /** A CVV under its usual names, as JSON ("cvc":"123"), a form or query (cvc=123) or a log line (cvv: 123). */
    private static final Pattern CVV = Pattern.compile("(?i)(?<![a-z0-9_])"
            + "(cvv2?|cvc2?|cvn2?|cav2|csc|security[_-]?code|card[_-]?verification[_-]?(?:value|code))"
            + "[\"']?\\s*(?::|=|=>)\\s*[\"']?([0-9]{3,4})(?![0-9])");

    /** A column or field whose very name says it holds a CVV. */
    private static final Pattern CVV_NAME = Pattern.compile(
            "(?i)cvv2?|cvc2?|cvn2?|cav2|csc|security[_-]?code|card[_-]?verification[_-]?(?:value|code)");

    private CardDataDetector() {
    }

    static List<Finding> scan(CharSequence text) {
        var findings = new ArrayList<Finding>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            String digits = number.group().replaceAll("[ -]", "");
            if (luhnValid(digits) && couldBeIssued(digits) && !insideHexWord(text, number.start(), number.end())
                    && !insideUuid(text, number.start(), number.end())) {
                findings.add(new Finding(Finding.Kind.CARD_NUMBER, mask(digits)));
            }
        }
        Matcher cvv = CVV.matcher(text);
        while (cvv.find()) {
            findings.add(new Finding(Finding.Kind.CVV, cvv.group(1) + "=***"));
        }
        return findings;
    }

    /** A value stored under a name like {@code cvv}: 3 or 4 digits there are a CVV. */
    static boolean isCvvField(String name, String value) {
        return name != null && value != null && CVV_NAME.matcher(name).matches() && value.strip().matches("[0-9]{3,4}");
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /**
     * The first exclusion, and why it is provably not card data. ISO/IEC 7812-1 gives a card number's
     * first digit (the major industry identifier) to industries: 0 is reserved for ISO/TC 68 and
     * assigns no card issuers, and 1 belongs to airlines, whose only card network (UATP) issues
     * 15-digit numbers. So a number beginning with 0, or beginning with 1 that is not 15 digits long,
     * is no card of any network; epoch timestamps in milliseconds (13 digits, 1...), microseconds (16)
     * and nanoseconds (19), which every log and event carries, are such numbers.
     */
    static boolean couldBeIssued(String digits) {
        return switch (digits.charAt(0)) {
            case '0' -> false;
            case '1' -> digits.length() == 15;
            default -> true;
        };
    }

    /**
     * The other exclusion: digits inside a word of 32 or more hexadecimal characters with a letter
     * among them, the spelling of a binary value (a SHA-256 digest, an HMAC, a 128-bit random id,
     * as {@code HexFormat} writes them: idempotency fingerprints, the lottery's commitments and
     * participants). Its digits are a fragment of that value's spelling, not a number anybody
     * wrote; a card number is written as digits, whole or in groups, never run together with hex
     * letters into such a word. About one 64-character digest in 270 holds a Luhn-valid run of 13
     * or more digits by chance, so without this the scan would fail on luck, not on card data.
     */
    static boolean insideHexWord(CharSequence text, int start, int end) {
        int from = start;
        int to = end;
        while (from > 0 && isHex(text.charAt(from - 1))) {
            from--;
        }
        while (to < text.length() && isHex(text.charAt(to))) {
            to++;
        }
        if (to - from < 32) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A UUID as RFC 9562 spells it: 8-4-4-4-12 hexadecimal characters, not glued to more of them. */
    private static final Pattern UUID = Pattern.compile("(?<![0-9a-fA-F-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9a-fA-F-])");

    /**
     * The third exclusion: digits inside a UUID (a shopper's id from Keycloak, an event's id). Its
     * hyphens can put four groups of four digits side by side, as "...d2443-4462-1234-5678-..." does
     * once in a few ten thousand random ids, and one such run in ten passes Luhn; but it is the
     * spelling of a 128-bit value, not a number written in a card's groups.
     */
    static boolean insideUuid(CharSequence text, int start, int end) {
        int from = Math.max(0, start - 36);
        Matcher uuid = UUID.matcher(text).region(from, Math.min(text.length(), end + 36))
                .useTransparentBounds(true).useAnchoringBounds(false);
        while (uuid.find()) {
            if (uuid.start() <= start && end <= uuid.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String mask(String digits) {
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }
}
