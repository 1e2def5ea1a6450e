package io.quarkmall.pay.channel.card;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sandbox PSP's hosted card field, which the storefront embeds: the card typed into it goes to
 * the PSP alone, and only a token comes out. (The storefront's browser test drives it in Chromium.)
 */
@QuarkusTest
class HostedCardFieldTest {

    static final String SHOP = "http://localhost:8080";

    @Test
    void the_page_posts_the_card_only_to_the_psp_and_hands_the_shop_only_a_token() {
        var page = CardChannelTest.psp().queryParam("origin", SHOP).when().get("/hosted-fields")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("form-action 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors " + SHOP))
                .header("Content-Security-Policy", containsString("script-src 'nonce-"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .extract().asString();

        assertEquals(List.of("fetch('/v1/tokens'"), all(page, "fetch\\([^,]*"), "one request, to the PSP's own origin");
        for (String elsewhere : List.of("XMLHttpRequest", "sendBeacon", "WebSocket", "action=", "src=", "href=", "<img", "import(")) {
            assertFalse(page.contains(elsewhere), "the page must not send anything elsewhere: " + elsewhere);
        }
        assertEquals(List.of(SHOP), all(page, "https?://[^'\"\\s)]*"), "no address but the shop's origin");
        assertEquals(List.of("postMessage({type: 'quarkmall-card-token', token: answer.token,\n"
                + "      brand: answer.brand, last4: answer.last4}, parentOrigin)"),
                all(page, "postMessage\\([^)]*\\)").stream().map(s -> s.replaceAll("\n\\s+", "\n      ")).toList());
        assertTrue(page.contains("const parentOrigin = '" + SHOP + "';"), "the token goes to the shop's origin only");
        assertEquals(List.of(), all(page, "<input[^>]*\\bname="), "fields without names are never submitted by a form");
    }

    @Test
    void the_page_is_served_only_for_an_origin_it_can_hand_the_token_to() {
        for (String origin : List.of("", "*", "javascript:alert(1)", "http://shop.example/path", "http://x'+alert(1)+'")) {
            CardChannelTest.psp().queryParam("origin", origin).when().get("/hosted-fields").then().statusCode(400);
        }
        CardChannelTest.psp().when().get("/hosted-fields").then().statusCode(400);
    }

    @Test
    void a_card_becomes_a_token_with_its_brand_and_last_four_digits_and_nothing_more() {
        CardChannelTest.psp().contentType(ContentType.JSON).body(card("4242 4242 4242 4242", 12, "123"))
                .when().post("/v1/tokens")
                .then().statusCode(200)
                .body("token", matchesPattern(CardChannel.TOKEN.pattern()))
                .body("brand", equalTo("visa")).body("last4", equalTo("4242"))
                .body(not(containsString("424242424242")));
    }

    @Test
    void a_wrong_number_expiry_or_code_is_refused_without_repeating_the_card() {
        assertRefused(card("4242424242424241", 12, "123"), "incorrect_number");
        assertRefused(card("42424242", 12, "123"), "incorrect_number");
        assertRefused(Map.of("number", "4242424242424242", "expMonth", 1, "expYear", 2001, "cvc", "123"), "invalid_expiry");
        assertRefused(card("4242424242424242", 13, "123"), "invalid_expiry");
        assertRefused(card("4242424242424242", 12, "12"), "invalid_cvc");
        assertRefused(card("4242424242424242", 12, "12345"), "invalid_cvc");
    }

    private static void assertRefused(Map<String, Object> card, String code) {
        CardChannelTest.psp().contentType(ContentType.JSON).body(card).when().post("/v1/tokens")
                .then().statusCode(400).body("code", equalTo(code))
                .body(not(containsString("42424242"))).body(not(containsString((String) card.get("cvc"))));
    }

    private static Map<String, Object> card(String number, int month, String cvc) {
        return Map.of("number", number, "expMonth", month, "expYear", Year.now().getValue() + 2, "cvc", cvc);
    }

    private static List<String> all(String text, String regex) {
        var found = new ArrayList<String>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
