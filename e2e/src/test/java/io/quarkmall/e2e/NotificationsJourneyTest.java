package io.quarkmall.e2e;

import static io.quarkmall.e2e.Shop.SAGA;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.Mailbox;
import io.quarkmall.stack.testing.Mailbox.Letter;
import io.quarkmall.stack.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A shopper who reads Chinese buys through the whole mall (stock, pay's sandbox, shipping's sandbox
 * carrier): each step they are told of is in their message centre and arrives, once, as an email in
 * Chinese at the local stack's SMTP server, read back over IMAP from their mailbox.
 */
@ExtendWith(Mall.class)
class NotificationsJourneyTest {

    @Test
    void every_step_of_a_bought_order_reaches_the_shopper_as_a_message_and_a_chinese_email() throws Exception {
        String shopper = Shoppers.ensure("notified%02d", 1).getFirst();
        String address = shopper + "@example.test";
        given().auth().oauth2(Tokens.of(shopper)).contentType(ContentType.JSON).body("{\"email\":true,\"language\":\"zh-CN\"}")
                .when().put("/api/cart-order/me/notification-settings").then().statusCode(200)
                .body("emailAddress", equalTo(address)).body("language", equalTo("zh-CN"));
        String sku = "E2E-NOTE-" + Shop.marker();
        Shop.listProduct(sku, "安吉白茶 " + sku, 6_600, 10);
        await().atMost(SAGA).untilAsserted(() -> Shop.putInCart(shopper, sku, 1).statusCode(200));
        Shop.putInCart(shopper, sku, 2).statusCode(200);
        long orderId = Shop.checkout(shopper, UUID.randomUUID().toString()).then().statusCode(201).extract().jsonPath().getLong("id");
        Shop.payWhenPayable(shopper, orderId, "tok_sandbox_success").then().statusCode(201);
        Shop.awaitStatus(shopper, orderId, "DELIVERED");

        List<String> subjects = List.of("订单 %d：已下单，等待付款", "订单 %d：已收到付款", "订单 %d：已发货", "订单 %d：已送达").stream()
                .map(s -> s.formatted(orderId)).toList();
        List<Letter> letters = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> lettersAbout(address, orderId), found -> found.size() >= subjects.size());
        assertEquals(subjects, letters.stream().map(Letter::subject).toList(), "one Chinese email per step, in order");
        assertTrue(letters.getFirst().text().contains("¥132.00"), letters.getFirst().text());
        assertTrue(letters.getLast().text().contains("http://localhost:8080/orders/" + orderId), letters.getLast().text());
        assertEquals("zh-CN", letters.getFirst().language().orElseThrow());

        List<String> notices = given().auth().oauth2(Tokens.of(shopper)).queryParam("size", 100).when()
                .get("/api/cart-order/me/messages").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.orderId == %d }.notice".formatted(orderId));
        assertEquals(List.of("DELIVERED", "SHIPPED", "PAID", "AWAITING_PAYMENT"), notices, "the message centre, newest first");
    }

    private static List<Letter> lettersAbout(String address, long orderId) {
        return Mailbox.about(address, Long.toString(orderId)).stream()
                .filter(l -> l.subject().matches(".*\\b" + orderId + "\\b.*")).toList();
    }
}
