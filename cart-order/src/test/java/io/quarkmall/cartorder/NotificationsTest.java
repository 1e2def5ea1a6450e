package io.quarkmall.cartorder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.Mailbox;
import io.quarkmall.stack.testing.Mailbox.Letter;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Messages to shoppers: every step of an order they are told of is one message in their message
 * centre and one email in their language, through the local stack's real SMTP server (read back
 * over IMAP); another shopper sees none of it; an email's unsubscribe link turns email off without
 * signing in, and messages keep coming to the message centre only.
 */
@QuarkusTest
class NotificationsTest {

    /**
     * The shopper of the tests that count messages and turn email off: a demo user no other test
     * class buys as (every demo user has the shopper role), so nothing else moves its counts.
     */
    private static final String SHOPPER = "merchant2";
    private static final List<String> DELIVERED_STEPS = List.of("AWAITING_PAYMENT", "PAID", "SHIPPED", "DELIVERED");
    private static final Pattern ONE_CLICK = Pattern.compile("<(http[^>]+/api/cart-order/notifications/unsubscribe\\?token=([0-9a-f]{48}))>");

    static ValidatableResponse settings(String shopper, boolean email, String language) {
        return given().auth().oauth2(Tokens.of(shopper)).contentType(ContentType.JSON)
                .body("{\"email\":%s,\"language\":\"%s\"}".formatted(email, language))
                .when().put("/me/notification-settings").then();
    }

    private static List<String> noticesOf(String shopper, long orderId) {
        return given().auth().oauth2(Tokens.of(shopper)).queryParam("size", 100).when().get("/me/messages").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.orderId == %d }.notice".formatted(orderId));
    }

    private static List<Letter> lettersAbout(String address, long orderId) {
        return Mailbox.about(address, Long.toString(orderId)).stream()
                .filter(l -> l.subject().matches(".*\\b" + orderId + "\\b.*")).toList();
    }

    private static List<Letter> awaitLetters(String address, long orderId, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> lettersAbout(address, orderId), letters -> letters.size() >= count);
    }

    @Test
    void each_step_is_a_message_and_an_email_in_the_shoppers_language() {
        settings("shopper2", true, "zh-CN").statusCode(200).body("email", equalTo(true))
                .body("language", equalTo("zh-CN")).body("emailAddress", equalTo("shopper2@quarkmall.local"));
        settings("shopper", true, "en").statusCode(200).body("language", equalTo("en"));
        long chinese = AfterSalesTest.orderAt("shopper2", 1_234, "DELIVERED");
        long english = AfterSalesTest.orderAt("shopper", 1_234, "DELIVERED");

        await().atMost(Duration.ofSeconds(20)).until(() -> noticesOf("shopper2", chinese).size() == DELIVERED_STEPS.size());
        assertEquals(DELIVERED_STEPS, noticesOf("shopper2", chinese).reversed(), "one message per step, newest first");
        List<Letter> zh = awaitLetters("shopper2@quarkmall.local", chinese, DELIVERED_STEPS.size());
        assertEquals(List.of("订单 " + chinese + "：已下单，等待付款", "订单 " + chinese + "：已收到付款", "订单 " + chinese + "：已发货",
                "订单 " + chinese + "：已送达"), zh.stream().map(Letter::subject).toList());
        Letter awaiting = zh.getFirst();
        assertTrue(awaiting.text().matches("(?s).*(?<!CN)¥24\\.68.*"), "the amount in yuan, as Chinese write it: " + awaiting.text());
        assertTrue(awaiting.text().contains("/orders/" + chinese), "a link to the order page: " + awaiting.text());
        assertTrue(awaiting.text().contains("退订"), awaiting.text());
        assertEquals("zh-CN", awaiting.language().orElseThrow());
        assertTrue(ONE_CLICK.matcher(awaiting.listUnsubscribe().orElseThrow()).matches());

        List<Letter> en = awaitLetters("shopper@quarkmall.local", english, DELIVERED_STEPS.size());
        assertEquals("Order " + english + ": delivered", en.getLast().subject());
        assertTrue(en.getFirst().text().contains("CN¥24.68"), "the amount as English write it: " + en.getFirst().text());
        assertEquals(List.of(), lettersAbout("shopper@quarkmall.local", chinese), "nobody is emailed about another's order");
        Duration settle = Duration.ofSeconds(2);
        await().pollDelay(settle).atMost(settle.plusSeconds(1)).until(() -> true);
        assertEquals(DELIVERED_STEPS.size(), lettersAbout("shopper2@quarkmall.local", chinese).size(), "each email once");
    }

    @Test
    void a_shopper_reads_their_messages_and_nobody_else_can() {
        long orderId = AfterSalesTest.orderAt(SHOPPER, 800, "SHIPPED");
        await().atMost(Duration.ofSeconds(20)).until(() -> noticesOf(SHOPPER, orderId).size() == 3);
        var mine = given().auth().oauth2(Tokens.of(SHOPPER)).queryParam("unread", true).queryParam("size", 100)
                .when().get("/me/messages").then().statusCode(200).extract().jsonPath();
        int messageId = mine.getInt("find { it.orderId == %d && it.notice == 'SHIPPED' }.id".formatted(orderId));
        long unread = given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/me/messages/unread").then()
                .statusCode(200).extract().jsonPath().getLong("unread");
        assertTrue(unread >= 3, "at least this order's three are unread: " + unread);

        given().auth().oauth2(Tokens.of("shopper2")).when().put("/me/messages/{id}/read", messageId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("shopper2")).queryParam("size", 100).when().get("/me/messages").then()
                .statusCode(200).body("orderId", not(hasItem((int) orderId)));
        given().when().get("/me/messages").then().statusCode(401);
        given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/me/messages/unread").then()
                .body("unread", equalTo((int) unread));

        given().auth().oauth2(Tokens.of(SHOPPER)).when().put("/me/messages/{id}/read", messageId).then().statusCode(200)
                .body("read", equalTo(true)).body("notice", equalTo("SHIPPED")).body("orderId", equalTo((int) orderId));
        given().auth().oauth2(Tokens.of(SHOPPER)).when().put("/me/messages/{id}/read", messageId).then().statusCode(200);
        given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/me/messages/unread").then()
                .body("unread", equalTo((int) unread - 1));
        given().auth().oauth2(Tokens.of(SHOPPER)).when().put("/me/messages/read").then().statusCode(200)
                .body("marked", equalTo((int) unread - 1));
        given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/me/messages/unread").then().body("unread", equalTo(0));
    }

    @Test
    void the_unsubscribe_link_turns_email_off_without_signing_in_and_messages_keep_coming() {
        settings(SHOPPER, true, "en").statusCode(200).body("email", equalTo(true));
        long before = AfterSalesTest.orderAt(SHOPPER, 900, "SHIPPED");
        var link = ONE_CLICK.matcher(awaitLetters(SHOPPER + "@quarkmall.local", before, 3).getFirst().listUnsubscribe().orElseThrow());
        assertTrue(link.matches());
        String token = link.group(2);

        given().queryParam("token", "0".repeat(48)).when().post("/notifications/unsubscribe").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("token", "not-a-token").when().post("/notifications/unsubscribe").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/me/notification-settings").then().body("email", equalTo(true));
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").queryParam("token", token)
                .when().post("/notifications/unsubscribe").then().statusCode(200).body("email", equalTo(false))
                .body("emailAddress", equalTo(null));
        given().queryParam("token", token).when().post("/notifications/unsubscribe").then().statusCode(200)
                .body("email", equalTo(false));
        given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/me/notification-settings").then().body("email", equalTo(false));

        long after = AfterSalesTest.orderAt(SHOPPER, 900, "SHIPPED");
        await().atMost(Duration.ofSeconds(20)).until(() -> noticesOf(SHOPPER, after).size() == 3);
        Duration settle = Duration.ofSeconds(3);
        await().pollDelay(settle).atMost(settle.plusSeconds(1)).until(() -> true);
        assertEquals(List.of(), lettersAbout(SHOPPER + "@quarkmall.local", after), "no email after unsubscribing");
        assertEquals(3, lettersAbout(SHOPPER + "@quarkmall.local", before).size(), "the emails before stay as they were");

        settings(SHOPPER, true, "en").statusCode(200).body("email", equalTo(true));
        settings(SHOPPER, true, "fr").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(endsWith("language")));
    }
}
