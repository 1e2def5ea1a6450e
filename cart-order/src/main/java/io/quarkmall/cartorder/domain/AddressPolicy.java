package io.quarkmall.cartorder.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an address can be shipped to, by the form of its country: a Chinese address needs a
 * mainland mobile number, a six-digit postcode, and province, city and district; elsewhere a phone
 * of 6–20 characters, the country's postcode form (none needed in Hong Kong, the Emirates or
 * Ireland), and a state in the United States. A valid address comes back normalised (trimmed,
 * the country and postcode in upper case, a Chinese mobile without +86); an invalid one as one
 * violation per field.
 */
public final class AddressPolicy {

    public static final int MAX_RECIPIENT = 50;
    public static final int MAX_LINE = 120;
    public static final int MAX_LABEL = 20;
    public static final int MAX_AREA = 50;

    public record Violation(String field, String message) {}

    public sealed interface Verdict {}

    public record Valid(PostalAddress address) implements Verdict {}

    public record Invalid(List<Violation> violations) implements Verdict {}

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> WITHOUT_POSTCODES = Set.of("HK", "AE", "IE");
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,20}");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern JP_POSTCODE = Pattern.compile("\\d{3}-?\\d{4}");
    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");
    private static final Pattern UK_POSTCODE = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}");
    private static final Pattern ANY_POSTCODE = Pattern.compile("[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]");

    private AddressPolicy() {
    }

    public static Verdict check(PostalAddress draft) {
        var violations = new ArrayList<Violation>();
        String country = upper(draft.country());
        boolean known = country != null && COUNTRIES.contains(country);
        if (!known) {
            violations.add(new Violation("country", "must be an ISO 3166-1 alpha-2 country code, such as CN or US"));
        }
        boolean china = "CN".equals(country);
        String recipient = text(draft.recipient());
        requireLength(violations, "recipient", recipient, true, MAX_RECIPIENT);
        String phone = china ? chineseMobile(draft.phone()) : text(draft.phone());
        if (china && phone == null) {
            violations.add(new Violation("phone", "must be a mainland China mobile number: 11 digits starting 13-19, "
                    + "optionally after +86"));
        } else if (!china && !isPhone(phone)) {
            violations.add(new Violation("phone", "must be 6-20 digits, spaces, brackets or hyphens, with at least 6 "
                    + "digits and an optional leading +"));
        }
        String province = text(draft.province());
        requireLength(violations, "province", province, china || "US".equals(country), MAX_AREA);
        String city = text(draft.city());
        requireLength(violations, "city", city, true, MAX_AREA);
        String district = text(draft.district());
        requireLength(violations, "district", district, china, MAX_AREA);
        String line1 = text(draft.line1());
        requireLength(violations, "line1", line1, true, MAX_LINE);
        String line2 = text(draft.line2());
        requireLength(violations, "line2", line2, false, MAX_LINE);
        String label = text(draft.label());
        requireLength(violations, "label", label, false, MAX_LABEL);
        String postcode = upper(draft.postcode());
        if (known) {
            postcodeRule(country, postcode).ifPresent(message -> violations.add(new Violation("postcode", message)));
        }
        if (!violations.isEmpty()) {
            return new Invalid(List.copyOf(violations));
        }
        return new Valid(new PostalAddress(recipient, phone, country, province, city, district, line1, line2, postcode, label));
    }

    /** Why the postcode does not fit the country's form, if it does not. */
    private static Optional<String> postcodeRule(String country, String postcode) {
        Pattern form;
        String expected;
        switch (country) {
            case "CN" -> { form = SIX_DIGITS; expected = "6 digits"; }
            case "US" -> { form = US_ZIP; expected = "a ZIP code: 5 digits, or 5+4 as 12345-6789"; }
            case "JP" -> { form = JP_POSTCODE; expected = "7 digits, as 123-4567"; }
            case "DE", "FR" -> { form = FIVE_DIGITS; expected = "5 digits"; }
            case "GB" -> { form = UK_POSTCODE; expected = "a UK postcode, as SW1A 1AA"; }
            default -> { form = ANY_POSTCODE; expected = "2-10 letters, digits, spaces or hyphens"; }
        }
        if (postcode == null && WITHOUT_POSTCODES.contains(country)) {
            return Optional.empty();
        }
        if (postcode != null && form.matcher(postcode).matches()) {
            return Optional.empty();
        }
        return Optional.of("must be " + expected + " for country " + country);
    }

    /** The 11-digit mobile number, or null if it is not a mainland China mobile. */
    private static String chineseMobile(String phone) {
        String compact = text(phone);
        if (compact == null) {
            return null;
        }
        compact = compact.replaceAll("[ -]", "");
        if (compact.startsWith("+86")) {
            compact = compact.substring(3);
        }
        return CN_MOBILE.matcher(compact).matches() ? compact : null;
    }

    private static boolean isPhone(String phone) {
        return phone != null && PHONE.matcher(phone).matches() && phone.chars().filter(Character::isDigit).count() >= 6;
    }

    private static void requireLength(List<Violation> violations, String field, String value, boolean required, int max) {
        if (value == null) {
            if (required) {
                violations.add(new Violation(field, "must not be blank"));
            }
        } else if (value.codePointCount(0, value.length()) > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(field, "must not contain control characters"));
        }
    }

    /** Trimmed; null if absent or blank. */
    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    private static String upper(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
