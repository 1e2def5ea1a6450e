package io.quarkmall.e2e;

import static io.quarkmall.e2e.Shop.SAGA;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paying through the channels' sandboxes, as the mall runs: pay signs its calls with the official SDKs,
 * the sandboxes notify pay's endpoint through signed notifications, and every answer reaches the order.
 */
@ExtendWith(Mall.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentChannelsJourneyTest {

    private static final String SHOPPER = "shopper2";
    private static final String ALIPAY = "http://127.0.0.1:18281";
    private static final String WECHAT = "http://127.0.0.1:18282";

    private static long awaitingPayment(long priceMinor) {
        String sku = "E2E-PAY-" + Shop.marker();
        Shop.listProduct(sku, "支付测试 " + sku, priceMinor, 5);
        long orderId = Shop.orderOf(SHOPPER, sku, 1);
        Shop.awaitStatus(SHOPPER, orderId, "STOCK_RESERVED");
        return orderId;
    }

    private static Response start(long orderId, String channel) {
        Response[] answer = new Response[1];
        await().atMost(SAGA).until(() -> (answer[0] = Shop.post(SHOPPER, "/api/pay/payments",
                "{\"orderId\":%d,\"channel\":\"%s\",\"presentation\":\"QR_CODE\"}".formatted(orderId, channel)))
                .statusCode() != 404);
        return answer[0];
    }

    private static JsonPath admin(String path, Object... args) {
        return given().auth().oauth2(Tokens.of("admin")).when().get(path, args).then().statusCode(200).extract().jsonPath();
    }

    private static String payment(long id) {
        return given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/api/pay/payments/{id}", id).then().statusCode(200)
                .extract().path("status");
    }

    /** What the wallet app would do: the shopper presses a button on the sandbox's cashier page. */
    private static void atCashier(String cashierUrl, String button) {
        given().contentType(ContentType.URLENC).formParam("outcome", button.equals("pay") ? "success" : "decline")
                .when().post(cashierUrl + "/" + button).then().statusCode(200);
    }

    private static void refund(long paymentId, long amountMinor) {
        given().auth().oauth2(Tokens.of("admin")).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"amount\":{\"amountMinor\":%d,\"currency\":\"CNY\"}}".formatted(amountMinor))
                .when().post("/api/pay/admin/payments/{id}/refunds", paymentId).then().statusCode(201);
    }

    @Test
    @Order(1)
    void alipay_by_qr_code_is_paid_once_whatever_the_duplicate_notifications_and_refunded_in_part_then_in_full() {
        long orderId = awaitingPayment(30_000);
        JsonPath started = start(orderId, "alipay").then().statusCode(201).body("status", equalTo("PENDING"))
                .body("action.kind", equalTo("QR_CODE")).body("action.content", startsWith(ALIPAY + "/cashier/"))
                .extract().jsonPath();
        long id = started.getLong("id");
        String reference = admin("/api/pay/admin/payments/{id}", id).getString("reference");
        given().contentType(ContentType.JSON).body("{\"outcome\":\"duplicate\"}")
                .when().post(ALIPAY + "/sandbox/trades/{ref}/script", reference).then().statusCode(204);
        given().contentType(ContentType.URLENC).when().post(started.getString("action.content") + "/pay").then().statusCode(200);

        await().atMost(SAGA).until(() -> payment(id).equals("CAPTURED"));
        await().atMost(SAGA).untilAsserted(() -> Shop.order(SHOPPER, orderId).body("timeline.status", hasItem("PAID")));
        await().atMost(SAGA).until(() -> given().when().get(ALIPAY + "/sandbox/trades/{ref}/notifications", reference)
                .then().extract().jsonPath().getList("$").size() >= 2);
        List<Object> kept = admin("/api/pay/admin/payments?orderId={o}", orderId).getList("findAll { it.payment.status == 'CAPTURED' }");
        assertEquals(1, kept.size(), "one payment keeps the money, however many notifications came");
        assertEquals(1, Shop.order(SHOPPER, orderId).extract().jsonPath().getList("timeline.findAll { it.status == 'PAID' }").size());

        refund(id, 10_000);
        await().atMost(SAGA).until(() -> payment(id).equals("PARTIALLY_REFUNDED"));
        refund(id, 20_000);
        await().atMost(SAGA).until(() -> payment(id).equals("REFUNDED"));
        JsonPath done = admin("/api/pay/admin/payments/{id}", id);
        assertEquals(List.of("DONE", "DONE"), done.getList("refunds.status"));
        assertEquals(30_000, done.getInt("payment.refunded.amountMinor"));
    }

    @Test
    @Order(2)
    void wechat_pay_by_qr_code_settles_on_a_late_notification_once_and_is_refunded_in_part() {
        long orderId = awaitingPayment(12_300);
        JsonPath started = start(orderId, "wechat").then().statusCode(201).body("status", equalTo("PENDING"))
                .body("action.kind", equalTo("QR_CODE")).body("action.content", startsWith(WECHAT + "/cashier/"))
                .extract().jsonPath();
        long id = started.getLong("id");
        String reference = admin("/api/pay/admin/payments/{id}", id).getString("reference");
        given().contentType(ContentType.JSON).body("{\"outcome\":\"late\",\"delaySeconds\":3}")
                .when().post(WECHAT + "/sandbox/trades/{ref}/script", reference).then().statusCode(204);
        given().contentType(ContentType.URLENC).when().post(started.getString("action.content") + "/pay").then().statusCode(200);
        await().atMost(SAGA).until(() -> payment(id).equals("CAPTURED"));
        await().atMost(SAGA).untilAsserted(() -> Shop.order(SHOPPER, orderId).body("timeline.status", hasItem("PAID")));
        refund(id, 2_300);
        await().atMost(SAGA).until(() -> payment(id).equals("PARTIALLY_REFUNDED"));
        assertEquals(1, admin("/api/pay/admin/payments?orderId={o}", orderId)
                .getList("findAll { it.payment.status == 'PARTIALLY_REFUNDED' }").size());
    }

    @Test
    @Order(3)
    void a_declined_alipay_attempt_leaves_the_order_payable_and_a_card_pays_it() {
        long orderId = awaitingPayment(8_800);
        JsonPath started = start(orderId, "alipay").then().statusCode(201).extract().jsonPath();
        atCashier(started.getString("action.content"), "decline");
        await().atMost(SAGA).until(() -> payment(started.getLong("id")).equals("VOIDED"));
        assertEquals("STOCK_RESERVED", Shop.status(SHOPPER, orderId));
        Shop.post(SHOPPER, "/api/pay/payments", "{\"orderId\":%d,\"channel\":\"card\",\"token\":\"tok_sandbox_success\"}"
                .formatted(orderId)).then().statusCode(201).body("status", equalTo("CAPTURED"));
        await().atMost(SAGA).untilAsserted(() -> Shop.order(SHOPPER, orderId).body("timeline.status", hasItem("PAID")));
    }

    @Test
    @Order(4)
    void a_forged_alipay_notification_through_the_edge_is_refused() {
        given().contentType(ContentType.URLENC).formParam("out_trade_no", "qm-1-1").formParam("trade_status", "TRADE_SUCCESS")
                .formParam("total_amount", "1.00").formParam("sign_type", "RSA2").formParam("sign", "Zm9yZ2Vk")
                .when().post("/api/pay/notifications/alipay").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Wechatpay-Signature", "Zm9yZ2Vk").header("Wechatpay-Timestamp", "1")
                .header("Wechatpay-Nonce", "n").header("Wechatpay-Serial", "x")
                .body("{\"id\":\"1\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{}}")
                .when().post("/api/pay/notifications/wechat").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @Order(5)
    void reconciliation_finds_a_line_planted_in_alipays_statement() {
        String planted = "qm-planted-" + Shop.marker();
        given().contentType(ContentType.JSON).body("{\"kind\":\"extra\",\"outTradeNo\":\"%s\",\"amount\":\"1.00\"}"
                .formatted(planted)).when().post(ALIPAY + "/sandbox/statement/plant").then().statusCode(204);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        long report = given().auth().oauth2(Tokens.of("admin")).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"day\":\"%s\",\"channel\":\"alipay\"}".formatted(today))
                .when().post("/api/pay/admin/reconciliation/runs").then().statusCode(201)
                .body("[0].status", equalTo("MISMATCHED")).extract().jsonPath().getLong("[0].id");
        JsonPath found = admin("/api/pay/admin/reconciliation/reports/{id}", report);
        assertEquals(List.of("MISSING_IN_OURS"), found.getList("mismatches.findAll { it.reference == '%s' }.kind"
                .formatted(planted)), "the planted line: " + found.prettify());
    }

    @Test
    @Order(6)
    void while_alipay_is_down_its_circuit_opens_and_the_order_is_paid_by_card() {
        long orderId = awaitingPayment(6_600);
        given().contentType(ContentType.JSON).body("{\"kind\":\"http_503\",\"count\":1000}")
                .when().post(ALIPAY + "/sandbox/faults").then().statusCode(204);
        try {
            start(orderId, "alipay").then().statusCode(503).contentType("application/problem+json");
            start(orderId, "alipay").then().statusCode(503);
            given().when().get("/api/pay/payments/channels").then().statusCode(200)
                    .body("find { it.name == 'alipay' }.available", equalTo(false))
                    .body("find { it.name == 'card' }.available", equalTo(true));
            String detail = start(orderId, "alipay").then().statusCode(503).extract().path("detail");
            assertTrue(detail.contains("card"), detail);
            Shop.post(SHOPPER, "/api/pay/payments", "{\"orderId\":%d,\"channel\":\"card\",\"token\":\"tok_sandbox_success\"}"
                    .formatted(orderId)).then().statusCode(201).body("status", equalTo("CAPTURED"));
        } finally {
            given().contentType(ContentType.JSON).body("{\"kind\":\"http_503\",\"count\":0}")
                    .when().post(ALIPAY + "/sandbox/faults").then().statusCode(204);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/api/pay/payments/channels").then()
                .body("find { it.name == 'alipay' }.available", equalTo(true)));
    }
}
