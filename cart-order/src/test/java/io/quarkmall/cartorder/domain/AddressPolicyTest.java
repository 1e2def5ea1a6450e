package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkmall.cartorder.domain.AddressPolicy.Invalid;
import io.quarkmall.cartorder.domain.AddressPolicy.Valid;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** AddressPolicy, table-driven: for each country form, addresses it takes (normalised) and fields it refuses. */
class AddressPolicyTest {

    private static final PostalAddress CN = new PostalAddress("张三", "13812345678", "CN", "浙江省", "杭州市", "西湖区",
            "文三路 100 号", null, "310012", "家");
    private static final PostalAddress US = new PostalAddress("Jane Doe", "+1 (415) 555-0100", "US", "CA",
            "San Francisco", null, "1 Market St", "Suite 200", "94105", "Office");

    /** A change to a base address, and what the policy should make of it. */
    private record Case(String name, PostalAddress base, UnaryOperator<Draft> change, String field, String stored) {}

    /** A mutable copy for writing cases briefly. */
    private static final class Draft {
        String recipient, phone, country, province, city, district, line1, line2, postcode, label;

        Draft(PostalAddress a) {
            recipient = a.recipient(); phone = a.phone(); country = a.country(); province = a.province(); city = a.city();
            district = a.district(); line1 = a.line1(); line2 = a.line2(); postcode = a.postcode(); label = a.label();
        }

        PostalAddress address() {
            return new PostalAddress(recipient, phone, country, province, city, district, line1, line2, postcode, label);
        }
    }

    private static Case valid(String name, PostalAddress base, UnaryOperator<Draft> change) {
        return new Case(name, base, change, null, null);
    }

    /** Valid, and {@code stored} is what the field named in {@code field} is kept as. */
    private static Case stores(String name, PostalAddress base, UnaryOperator<Draft> change, String field, String stored) {
        return new Case(name, base, change, field, stored);
    }

    private static Case refuses(String name, PostalAddress base, UnaryOperator<Draft> change, String field) {
        return new Case(name, base, change, field, null);
    }

    private static final List<Case> VALID = List.of(
            valid("a full Chinese address", CN, d -> d),
            stores("+86 is dropped from a Chinese mobile", CN, d -> { d.phone = "+86 138-1234-5678"; return d; }, "phone", "13812345678"),
            valid("a 19x mobile", CN, d -> { d.phone = "19912345678"; return d; }),
            stores("no line2 and no label", CN, d -> { d.line2 = " "; d.label = ""; return d; }, "label", null),
            stores("the country in lower case", CN, d -> { d.country = "cn"; return d; }, "country", "CN"),
            stores("surrounding spaces are trimmed", CN, d -> { d.recipient = "  张三 "; return d; }, "recipient", "张三"),
            valid("a 50-character recipient", CN, d -> { d.recipient = "名".repeat(50); return d; }),
            valid("a 120-character line", CN, d -> { d.line1 = "路".repeat(120); d.line2 = "x".repeat(120); return d; }),
            valid("a US address", US, d -> d),
            valid("a ZIP+4", US, d -> { d.postcode = "94105-1234"; return d; }),
            valid("a plain international number", US, d -> { d.phone = "4155550100"; return d; }),
            valid("a Japanese address", US, d -> { d.country = "JP"; d.province = "東京都"; d.postcode = "100-0001"; d.phone = "03-1234-5678"; return d; }),
            valid("a Japanese postcode without its hyphen", US, d -> { d.country = "JP"; d.postcode = "1000001"; return d; }),
            valid("a German address without a state", US, d -> { d.country = "DE"; d.province = null; d.postcode = "10115"; d.phone = "+49 30 1234567"; return d; }),
            valid("a French address", US, d -> { d.country = "FR"; d.province = null; d.postcode = "75001"; return d; }),
            stores("a UK postcode in lower case", US, d -> { d.country = "GB"; d.province = null; d.postcode = "sw1a 1aa"; return d; }, "postcode", "SW1A 1AA"),
            valid("a UK postcode without its space", US, d -> { d.country = "GB"; d.postcode = "M11AE"; return d; }),
            valid("Hong Kong without a postcode", US, d -> { d.country = "HK"; d.province = null; d.postcode = null; return d; }),
            valid("the Emirates without a postcode", US, d -> { d.country = "AE"; d.province = null; d.postcode = ""; return d; }),
            valid("Ireland with an Eircode", US, d -> { d.country = "IE"; d.province = null; d.postcode = "D02 X285"; return d; }),
            valid("Ireland without one", US, d -> { d.country = "IE"; d.province = null; d.postcode = null; return d; }),
            valid("Singapore's six digits", US, d -> { d.country = "SG"; d.province = null; d.postcode = "018956"; return d; }),
            valid("a Canadian postcode", US, d -> { d.country = "CA"; d.postcode = "K1A 0B1"; return d; }),
            valid("a Dutch postcode", US, d -> { d.country = "NL"; d.province = null; d.postcode = "1012 AB"; return d; }),
            valid("a six-digit foreign phone", US, d -> { d.phone = "123456"; return d; }));

    private static final List<Case> INVALID = List.of(
            refuses("a Chinese landline", CN, d -> { d.phone = "0571-88888888"; return d; }, "phone"),
            refuses("a Chinese mobile of 10 digits", CN, d -> { d.phone = "1381234567"; return d; }, "phone"),
            refuses("a Chinese mobile starting 12", CN, d -> { d.phone = "12812345678"; return d; }, "phone"),
            refuses("a Chinese mobile after +85", CN, d -> { d.phone = "+8513812345678"; return d; }, "phone"),
            refuses("no phone", CN, d -> { d.phone = null; return d; }, "phone"),
            refuses("a Chinese postcode of 5 digits", CN, d -> { d.postcode = "31001"; return d; }, "postcode"),
            refuses("a Chinese postcode with letters", CN, d -> { d.postcode = "31001A"; return d; }, "postcode"),
            refuses("no Chinese postcode", CN, d -> { d.postcode = null; return d; }, "postcode"),
            refuses("no province in China", CN, d -> { d.province = ""; return d; }, "province"),
            refuses("no city", CN, d -> { d.city = null; return d; }, "city"),
            refuses("no district in China", CN, d -> { d.district = " "; return d; }, "district"),
            refuses("no recipient", CN, d -> { d.recipient = null; return d; }, "recipient"),
            refuses("a 51-character recipient", CN, d -> { d.recipient = "名".repeat(51); return d; }, "recipient"),
            refuses("no line1", CN, d -> { d.line1 = ""; return d; }, "line1"),
            refuses("a 121-character line1", CN, d -> { d.line1 = "x".repeat(121); return d; }, "line1"),
            refuses("a 121-character line2", CN, d -> { d.line2 = "x".repeat(121); return d; }, "line2"),
            refuses("a 21-character label", CN, d -> { d.label = "x".repeat(21); return d; }, "label"),
            refuses("a control character", CN, d -> { d.line1 = "a\u0000b"; return d; }, "line1"),
            refuses("an unknown country", CN, d -> { d.country = "XX"; return d; }, "country"),
            refuses("a three-letter country", CN, d -> { d.country = "CHN"; return d; }, "country"),
            refuses("no country", CN, d -> { d.country = null; return d; }, "country"),
            refuses("no state in the US", US, d -> { d.province = null; return d; }, "province"),
            refuses("a US ZIP of 4 digits", US, d -> { d.postcode = "9410"; return d; }, "postcode"),
            refuses("a US ZIP+3", US, d -> { d.postcode = "94105-123"; return d; }, "postcode"),
            refuses("a phone of 5 digits", US, d -> { d.phone = "12345"; return d; }, "phone"),
            refuses("a phone with letters", US, d -> { d.phone = "415-CALL-NOW"; return d; }, "phone"),
            refuses("a phone of 21 characters", US, d -> { d.phone = "1".repeat(21); return d; }, "phone"),
            refuses("a phone of punctuation", US, d -> { d.phone = "+(1) ---- ()"; return d; }, "phone"),
            refuses("a + inside a phone", US, d -> { d.phone = "415+5550100"; return d; }, "phone"),
            refuses("a Japanese postcode of 6 digits", US, d -> { d.country = "JP"; d.postcode = "100-001"; return d; }, "postcode"),
            refuses("a German postcode of 4 digits", US, d -> { d.country = "DE"; d.postcode = "1011"; return d; }, "postcode"),
            refuses("a French postcode with letters", US, d -> { d.country = "FR"; d.postcode = "7500A"; return d; }, "postcode"),
            refuses("a US ZIP in the UK", US, d -> { d.country = "GB"; d.postcode = "94105"; return d; }, "postcode"),
            refuses("no postcode in Germany", US, d -> { d.country = "DE"; d.postcode = null; return d; }, "postcode"),
            refuses("no postcode in Singapore", US, d -> { d.country = "SG"; d.postcode = ""; return d; }, "postcode"),
            refuses("an 11-character postcode elsewhere", US, d -> { d.country = "CA"; d.postcode = "K1A 0B1 XYZ"; return d; }, "postcode"),
            refuses("a postcode of punctuation", US, d -> { d.country = "HK"; d.postcode = "#1"; return d; }, "postcode"));

    @Test
    void addresses_of_each_country_form_are_taken_and_normalised() {
        assertAll(VALID.stream().map(c -> () -> {
            var valid = assertInstanceOf(Valid.class, AddressPolicy.check(c.change().apply(new Draft(c.base())).address()),
                    c.name());
            if (c.field() != null) {
                assertEquals(c.stored(), field(valid.address(), c.field()), c.name());
            }
        }));
    }

    @Test
    void each_broken_field_is_one_violation_naming_that_field() {
        assertAll(INVALID.stream().map(c -> () -> {
            var invalid = assertInstanceOf(Invalid.class, AddressPolicy.check(c.change().apply(new Draft(c.base())).address()),
                    c.name());
            assertEquals(List.of(c.field()), invalid.violations().stream().map(AddressPolicy.Violation::field).toList(),
                    c.name());
        }));
    }

    @Test
    void an_empty_address_lists_every_required_field_once() {
        var invalid = assertInstanceOf(Invalid.class,
                AddressPolicy.check(new PostalAddress(null, null, null, null, null, null, null, null, null, null)));
        assertEquals(List.of("country", "recipient", "phone", "city", "line1"),
                invalid.violations().stream().map(AddressPolicy.Violation::field).toList());
    }

    private static String field(PostalAddress a, String name) {
        return switch (name) {
            case "phone" -> a.phone();
            case "country" -> a.country();
            case "recipient" -> a.recipient();
            case "postcode" -> a.postcode();
            case "label" -> a.label();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
