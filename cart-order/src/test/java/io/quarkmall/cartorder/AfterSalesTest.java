package io.quarkmall.cartorder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.cartorder.service.AfterSalesService;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * After-sales through the API (refund only, and return and refund): a small request approved at once, a larger one answered
 * by the merchant or, unanswered, by the clock; each approval announced once for pay, each refund
 * pay reports closing its request; and every bad request refused with nothing changed.
 */
@QuarkusTest
class AfterSalesTest {

    private static final String PAYMENTS = "test.cart-order.payment.v1";
    private static final String SHIPMENTS = "test.cart-order.shipment.v1";
    private static final String STOCK = "test.cart-order.reservation.v1";

    @Inject
    AfterSalesService afterSales;

    /** An order of two units at {@code unitMinor} (CNY), paid and as far as {@code status} (SHIPPED or DELIVERED). */
    static long orderAt(String shopper, long unitMinor, String status) {
        return orderOf(shopper, status, CheckoutSagaTest.listedSku(unitMinor));
    }

    /** An order of two units of each of {@code skus}, paid and as far as {@code status} (SHIPPED or DELIVERED). */
    static long orderOf(String shopper, String status, String... skus) {
        long orderId = CheckoutSagaTest.checkout(shopper, skus);
        CheckoutSagaTest.event(STOCK, "StockReserved", orderId, "");
        CheckoutSagaTest.event(PAYMENTS, "PaymentSucceeded", orderId, "");
        CheckoutSagaTest.event(SHIPMENTS, "ShipmentCreated", orderId, ",\"trackingNumber\":\"QM" + orderId + "\"");
        CheckoutSagaTest.event(SHIPMENTS, "ShipmentPickedUp", orderId, ",\"location\":\"Shanghai\"");
        if (status.equals("DELIVERED")) {
            CheckoutSagaTest.event(SHIPMENTS, "ShipmentDelivered", orderId, ",\"location\":\"Doorstep\"");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of(shopper))
                .when().get("/orders/{id}", orderId).then().body("status", equalTo(status)));
        return orderId;
    }

    static ValidatableResponse ask(String shopper, long orderId, String body) {
        return given().auth().oauth2(Tokens.of(shopper)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/orders/{id}/after-sales", orderId).then();
    }

    static ValidatableResponse decide(String operator, long requestId, String decision, String body) {
        return given().auth().oauth2(Tokens.of(operator)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when()
                .post("/operator/after-sales/{id}/" + decision, requestId).then();
    }

    static List<String> approvals(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id",
                Long.toString(orderId)).stream().map(OutboxEvent::envelope)
                .filter(e -> e.contains("\"type\":\"OrderRefundApproved\"")).toList());
    }

    static void refunded(long orderId, long amountMinor, long requestId) {
        CheckoutSagaTest.event(PAYMENTS, "PaymentRefunded", orderId, (",\"paymentId\":1,\"amount\":{\"amountMinor\":%d,"
                + "\"currency\":\"CNY\"},\"refundReference\":\"after-sales-%d\"").formatted(amountMinor, requestId));
    }

    @Test
    void a_small_request_is_approved_at_once_and_closed_when_pay_refunds_it() {
        long orderId = orderAt("shopper", 600, "DELIVERED");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("actions", hasItem("REQUEST_REFUND"));
        long requestId = ask("shopper", orderId, "{\"reason\":\"DAMAGED\",\"note\":\" Cracked lid \"}").statusCode(201)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("AUTO_APPROVE_RULE"))
                .body("amount.amountMinor", equalTo(1_200)).body("note", equalTo("Cracked lid"))
                .body("lines[0].quantity", equalTo(2)).extract().jsonPath().getLong("id");
        List<String> approvals = approvals(orderId);
        assertEquals(1, approvals.size(), "one approval announced for pay");
        assertEquals(true, approvals.getFirst().contains("\"refundReference\":\"after-sales-" + requestId + "\""));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("actions", not(hasItem("REQUEST_REFUND")));

        refunded(orderId, 1_200, requestId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}/after-sales", orderId).then().statusCode(200)
                .body("[0].status", equalTo("REFUNDED")).body("[0].refundedAt", not(nullValue())));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("timeline.note", hasItem("Refunded 1200 CNY (minor units)"))
                .body("actions", not(hasItem("REQUEST_REFUND")));
        ask("shopper", orderId, "{\"reason\":\"DAMAGED\"}").statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/nothing-to-refund"));
    }

    @Test
    void the_merchant_rejects_with_a_reason_and_approves_the_next_request_once() {
        long orderId = orderAt("shopper", 5_000, "DELIVERED");
        long first = ask("shopper", orderId, "{\"reason\":\"NOT_AS_DESCRIBED\"}").statusCode(201)
                .body("status", equalTo("REQUESTED")).body("amount.amountMinor", equalTo(10_000))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "REQUESTED").queryParam("size", 100).when()
                .get("/operator/after-sales").then().statusCode(200).body("id", hasItem((int) first));
        decide("admin", first, "rejection", "{}").statusCode(400).contentType("application/problem+json");
        decide("admin", first, "rejection", "{\"note\":\"The photos show the tea as described\"}").statusCode(200)
                .body("status", equalTo("REJECTED")).body("decidedBy", equalTo("MERCHANT"));
        decide("admin", first, "approval", "{}").statusCode(409).body("type",
                equalTo("https://quarkmall.io/problems/after-sales-decided"));
        assertEquals(List.of(), approvals(orderId), "a rejection asks pay for nothing");

        String sku = given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .extract().path("lines[0].sku");
        long second = ask("shopper", orderId, "{\"reason\":\"DAMAGED\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":1}]}").statusCode(201).body("amount.amountMinor", equalTo(5_000))
                .extract().jsonPath().getLong("id");
        ask("shopper", orderId, "{\"reason\":\"DAMAGED\"}").statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/after-sales-open"));
        decide("admin", second, "approval", "{\"note\":\"Sorry about that\"}").statusCode(200)
                .body("status", equalTo("APPROVED")).body("decisionNote", equalTo("Sorry about that"));
        decide("admin", second, "approval", "{}").statusCode(409);
        assertEquals(1, approvals(orderId).size());
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .body("status", equalTo(List.of("REJECTED", "APPROVED")))
                .body("[0].decisionNote", equalTo("The photos show the tea as described"));
    }

    static List<String> eventsOfType(long orderId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id",
                Long.toString(orderId)).stream().map(OutboxEvent::envelope)
                .filter(e -> e.contains("\"type\":\"" + type + "\"")).toList());
    }

    static ValidatableResponse sendBack(String shopper, long orderId, long requestId, String body) {
        return given().auth().oauth2(Tokens.of(shopper)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when()
                .post("/orders/{id}/after-sales/{requestId}/return-parcel", orderId, requestId).then();
    }

    @Test
    void a_return_is_authorised_sent_back_received_sellable_then_refunded_each_step_once() {
        long orderId = orderAt("shopper", 5_000, "DELIVERED");
        long requestId = ask("shopper", orderId, "{\"kind\":\"RETURN_AND_REFUND\",\"reason\":\"NOT_AS_DESCRIBED\"}")
                .statusCode(201).body("kind", equalTo("RETURN_AND_REFUND")).body("status", equalTo("REQUESTED"))
                .extract().jsonPath().getLong("id");
        sendBack("shopper", orderId, requestId, "{\"carrier\":\"SF\",\"trackingNumber\":\"SF1234567\"}").statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/after-sales-not-awaiting-return"));
        decide("admin", requestId, "receipt", "{\"disposition\":\"SELLABLE\"}").statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/after-sales-not-shipped-back"));

        decide("admin", requestId, "approval", "{}").statusCode(200).body("status", equalTo("AWAITING_RETURN"));
        assertEquals(List.of(), approvals(orderId), "no money before the goods are back");
        sendBack("shopper2", orderId, requestId, "{\"carrier\":\"SF\",\"trackingNumber\":\"SF1234567\"}").statusCode(404);
        sendBack("shopper", orderId, requestId, "{\"carrier\":\"SF\",\"trackingNumber\":\"no spaces!\"}").statusCode(400)
                .body("violations.field", hasItem("trackingNumber"));
        sendBack("shopper", orderId, requestId, "{\"carrier\":\"SF Express\",\"trackingNumber\":\"SF1234567\"}")
                .statusCode(200).body("status", equalTo("RETURN_SHIPPED")).body("returnTracking", equalTo("SF1234567"));
        sendBack("shopper", orderId, requestId, "{\"carrier\":\"SF\",\"trackingNumber\":\"SF7654321\"}").statusCode(409);
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "RETURN_SHIPPED").queryParam("size", 100).when()
                .get("/operator/after-sales").then().statusCode(200).body("id", hasItem((int) requestId));

        decide("admin", requestId, "receipt", "{\"disposition\":\"BROKEN\"}").statusCode(400);
        decide("admin", requestId, "receipt", "{\"disposition\":\"SELLABLE\"}").statusCode(200)
                .body("status", equalTo("APPROVED")).body("disposition", equalTo("SELLABLE"))
                .body("receivedAt", not(nullValue()));
        decide("admin", requestId, "receipt", "{\"disposition\":\"SELLABLE\"}").statusCode(409);
        List<String> received = eventsOfType(orderId, "OrderReturnReceived");
        assertEquals(1, received.size());
        assertEquals(true, received.getFirst().contains("\"disposition\":\"SELLABLE\"")
                && received.getFirst().contains("\"quantity\":2"), received.getFirst());
        assertEquals(1, approvals(orderId).size(), "the refund is asked once the goods are back");

        refunded(orderId, 10_000, requestId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}/after-sales", orderId).then().body("[0].status", equalTo("REFUNDED")));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("timeline.note", hasItem("After-sales request " + requestId + ": return parcel sent (SF Express SF1234567)"));
    }

    @Test
    void a_return_never_sent_back_expires_and_one_never_received_is_received_into_quarantine_by_the_clock() {
        long expiring = orderAt("shopper", 600, "DELIVERED");
        long first = ask("shopper", expiring, "{\"kind\":\"RETURN_AND_REFUND\",\"reason\":\"DAMAGED\"}").statusCode(201)
                .body("status", equalTo("AWAITING_RETURN")).body("decidedBy", equalTo("AUTO_APPROVE_RULE"))
                .extract().jsonPath().getLong("id");
        Instant returnBy = Instant.parse(given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}/after-sales", expiring).then().extract().path("[0].respondBy"));
        afterSales.actOnOverdue(returnBy.plusSeconds(1));
        afterSales.actOnOverdue(returnBy.plusSeconds(2));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", expiring).then()
                .body("[0].status", equalTo("EXPIRED"));
        assertEquals(List.of(), approvals(expiring));
        sendBack("shopper", expiring, first, "{\"carrier\":\"SF\",\"trackingNumber\":\"SF1234567\"}").statusCode(409);
        ask("shopper", expiring, "{\"kind\":\"RETURN_AND_REFUND\",\"reason\":\"DAMAGED\"}").statusCode(201)
                .body("amount.amountMinor", equalTo(1_200)); // the expired request's units are free again

        long unreceived = orderAt("shopper", 600, "DELIVERED");
        long second = ask("shopper", unreceived, "{\"kind\":\"RETURN_AND_REFUND\",\"reason\":\"DAMAGED\"}").statusCode(201)
                .extract().jsonPath().getLong("id");
        sendBack("shopper", unreceived, second, "{\"carrier\":\"YTO\",\"trackingNumber\":\"YT99887766\"}").statusCode(200);
        Instant receiveBy = Instant.parse(given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}/after-sales", unreceived).then().extract().path("[0].respondBy"));
        afterSales.actOnOverdue(receiveBy.minusSeconds(1));
        assertEquals(List.of(), eventsOfType(unreceived, "OrderReturnReceived"));
        afterSales.actOnOverdue(receiveBy.plusSeconds(1));
        afterSales.actOnOverdue(receiveBy.plusSeconds(2));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", unreceived).then()
                .body("[0].status", equalTo("APPROVED")).body("[0].disposition", equalTo("QUARANTINE"));
        assertEquals(1, eventsOfType(unreceived, "OrderReturnReceived").size());
        assertEquals(1, approvals(unreceived).size());
    }

    @Test
    void a_request_the_merchant_leaves_waiting_is_escalated_once_before_its_deadline_and_listed_for_the_staff() {
        long orderId = orderAt("shopper", 4_000, "DELIVERED");
        long requestId = ask("shopper", orderId, "{\"reason\":\"NOT_AS_DESCRIBED\"}").statusCode(201)
                .body("status", equalTo("REQUESTED")).body("escalatedAt", nullValue()).extract().jsonPath().getLong("id");
        Instant created = Instant.parse(given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}/after-sales", orderId).then().extract().path("[0].createdAt"));

        afterSales.escalateDue(created.plus(Duration.ofHours(24)).minusSeconds(1));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .body("[0].escalatedAt", nullValue());
        afterSales.escalateDue(created.plus(Duration.ofHours(24)).plusSeconds(1));
        afterSales.escalateDue(created.plus(Duration.ofHours(24)).plusSeconds(2));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .body("[0].escalatedAt", not(nullValue())).body("[0].status", equalTo("REQUESTED"));
        List<String> notes = given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .extract().path("timeline.note");
        assertEquals(1, notes.stream().filter(n -> n != null && n.startsWith("After-sales request " + requestId
                + " escalated")).count(), "escalated once, however often the clock looks");
        given().auth().oauth2(Tokens.of("admin")).queryParam("escalated", true).queryParam("size", 100).when()
                .get("/operator/after-sales").then().statusCode(200).body("id", hasItem((int) requestId));

        decide("admin", requestId, "approval", "{}").statusCode(200);
        given().auth().oauth2(Tokens.of("admin")).queryParam("escalated", true).queryParam("size", 100).when()
                .get("/operator/after-sales").then().statusCode(200).body("id", not(hasItem((int) requestId)));
        afterSales.escalateDue(created.plus(Duration.ofDays(30)));
        List<String> after = given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .extract().path("timeline.note");
        assertEquals(1, after.stream().filter(n -> n != null && n.contains(" escalated ")).count(),
                "an approved request waits on nobody: not escalated again");
    }

    @Test
    void a_request_nobody_answers_is_approved_by_the_clock_once() {
        long orderId = orderAt("shopper", 4_000, "SHIPPED");
        long requestId = ask("shopper", orderId, "{\"reason\":\"NOT_RECEIVED\"}").statusCode(201)
                .body("status", equalTo("REQUESTED")).extract().jsonPath().getLong("id");
        Instant respondBy = Instant.parse(given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}/after-sales", orderId).then().extract().path("[0].respondBy"));

        afterSales.actOnOverdue(respondBy.minusSeconds(1));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .body("[0].status", equalTo("REQUESTED"));
        afterSales.actOnOverdue(respondBy.plusSeconds(1));
        afterSales.actOnOverdue(respondBy.plusSeconds(2));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .body("[0].status", equalTo("APPROVED")).body("[0].decidedBy", equalTo("REVIEW_DEADLINE"));
        assertEquals(1, approvals(orderId).size(), "approved once, however often the clock looks");
        decide("admin", requestId, "rejection", "{\"note\":\"Too late\"}").statusCode(409);
    }

    @Test
    void bad_requests_are_refused_and_change_nothing() {
        long paid = CheckoutSagaTest.checkout("shopper", CheckoutSagaTest.listedSku(300));
        CheckoutSagaTest.event(STOCK, "StockReserved", paid, "");
        CheckoutSagaTest.event(PAYMENTS, "PaymentSucceeded", paid, "");
        CheckoutSagaTest.awaitStatus(paid, "PAID");
        ask("shopper", paid, "{\"reason\":\"DAMAGED\"}").statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/after-sales-not-open"));

        long orderId = orderAt("shopper", 300, "DELIVERED");
        ask("shopper2", orderId, "{\"reason\":\"DAMAGED\"}").statusCode(404).contentType("application/problem+json");
        ask("shopper", orderId, "{}").statusCode(400).body("violations[0].field", equalTo("reason"));
        ask("shopper", orderId, "{\"reason\":\"BORED\"}").statusCode(400).contentType("application/problem+json");
        ask("shopper", orderId, "{\"reason\":\"DAMAGED\",\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1}]}").statusCode(422)
                .body("violations[0].field", equalTo("lines[0].sku"));
        ask("shopper", orderId, "{\"reason\":\"DAMAGED\",\"lines\":[{\"sku\":\"X\",\"quantity\":0}]}").statusCode(400);
        String sku = given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .extract().path("lines[0].sku");
        ask("shopper", orderId, "{\"reason\":\"DAMAGED\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3}]}")
                .statusCode(422).body("type", equalTo("https://quarkmall.io/problems/quantity-over-claimable"));
        ask("shopper", orderId, "{\"reason\":\"DAMAGED\",\"note\":\"" + "x".repeat(501) + "\"}").statusCode(400);
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/orders/{id}/after-sales", orderId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("shopper")).when().get("/operator/after-sales").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "LOST").when().get("/operator/after-sales").then()
                .statusCode(400);
        for (String text : List.of("", "approve")) { // a decision's optional body is JSON, never text, not even none
            given().auth().oauth2(Tokens.of("admin")).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("text/plain").body(text).when().post("/operator/after-sales/{id}/approval", 1)
                    .then().statusCode(415).contentType("application/problem+json");
        }

        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.getEntityManager().createNativeQuery(
                "update shop_order set delivered_at = delivered_at - interval '16 days' where id = ?1")
                .setParameter(1, orderId).executeUpdate());
        ask("shopper", orderId, "{\"reason\":\"DAMAGED\"}").statusCode(422)
                .body("type", equalTo("https://quarkmall.io/problems/after-sales-window-closed"));
    }

    @Test
    void a_refund_pay_declines_closes_the_request_and_frees_its_units() {
        long orderId = orderAt("shopper", 500, "DELIVERED");
        long requestId = ask("shopper", orderId, "{\"reason\":\"DAMAGED\"}").statusCode(201)
                .body("status", equalTo("APPROVED")).extract().jsonPath().getLong("id");
        CheckoutSagaTest.event(PAYMENTS, "PaymentRefundDeclined", orderId,
                ",\"refundReference\":\"after-sales-%d\",\"reason\":\"NOTHING_LEFT\"".formatted(requestId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}/after-sales", orderId).then().body("[0].status", equalTo("NOT_REFUNDED"))
                .body("[0].notRefundedReason", equalTo("NOTHING_LEFT")));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("timeline.note", hasItem("After-sales request " + requestId + " could not be refunded (NOTHING_LEFT)"))
                .body("actions", hasItem("REQUEST_REFUND"));
        ask("shopper", orderId, "{\"reason\":\"DAMAGED\"}").statusCode(201).body("lines[0].quantity", equalTo(2));
    }

    @Test
    void small_requests_add_up_against_the_auto_approve_limit() {
        long orderId = orderAt("shopper", 1_500, "DELIVERED");
        String sku = given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .extract().path("lines[0].sku");
        String oneUnit = "{\"reason\":\"DAMAGED\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
        long first = ask("shopper", orderId, oneUnit).statusCode(201).body("status", equalTo("APPROVED"))
                .extract().jsonPath().getLong("id");
        refunded(orderId, 1_500, first);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}/after-sales", orderId).then().body("[0].status", equalTo("REFUNDED")));
        ask("shopper", orderId, oneUnit).statusCode(201).body("status", equalTo("REQUESTED"))
                .body("decidedBy", nullValue());
    }

    @Test
    void past_its_deadline_a_request_can_no_longer_be_rejected() {
        long orderId = orderAt("shopper", 4_000, "DELIVERED");
        long requestId = ask("shopper", orderId, "{\"reason\":\"WRONG_ITEM\"}").statusCode(201)
                .body("status", equalTo("REQUESTED")).extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.getEntityManager().createNativeQuery(
                "update after_sales_request set respond_by = now() - interval '1 minute' where id = ?1")
                .setParameter(1, requestId).executeUpdate());
        decide("admin", requestId, "rejection", "{\"note\":\"Too late\"}").statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/after-sales-deadline-passed"));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .body("[0].status", equalTo("REQUESTED"));
        afterSales.actOnOverdue(Instant.now()); // the clock's sweep (off in tests) comes by
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .body("[0].status", equalTo("APPROVED")).body("[0].decidedBy", equalTo("REVIEW_DEADLINE"));
    }

    @Test
    void a_merchant_reviews_requests_on_orders_of_its_own_goods_alone() {
        String mine = OperatorOrdersTest.listedSkuOf(Tokens.subjectOf("merchant"));
        String theirs = OperatorOrdersTest.listedSkuOf("another-merchant");
        long own = CheckoutSagaTest.checkout("shopper", mine);
        long mixed = CheckoutSagaTest.checkout("shopper", mine, theirs);
        for (long orderId : List.of(own, mixed)) {
            CheckoutSagaTest.event(STOCK, "StockReserved", orderId, "");
            CheckoutSagaTest.event(PAYMENTS, "PaymentSucceeded", orderId, "");
            CheckoutSagaTest.event(SHIPMENTS, "ShipmentCreated", orderId, ",\"trackingNumber\":\"QM" + orderId + "\"");
            CheckoutSagaTest.event(SHIPMENTS, "ShipmentPickedUp", orderId, ",\"location\":\"Shanghai\"");
            CheckoutSagaTest.awaitStatus(orderId, "SHIPPED");
        }
        long ownRequest = ask("shopper", own, "{\"reason\":\"NOT_RECEIVED\"}").statusCode(201).extract().jsonPath().getLong("id");
        long mixedRequest = ask("shopper", mixed, "{\"reason\":\"NOT_RECEIVED\"}").statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("merchant")).queryParam("size", 100).when().get("/operator/after-sales").then()
                .statusCode(200).body("id", hasItem((int) ownRequest)).body("id", not(hasItem((int) mixedRequest)));
        decide("merchant", mixedRequest, "approval", "{}").statusCode(404);
        decide("merchant2", ownRequest, "rejection", "{\"note\":\"Not mine\"}").statusCode(404);
        decide("merchant", ownRequest, "approval", "{}").statusCode(200).body("decidedBy", equalTo("MERCHANT"));
        decide("admin", mixedRequest, "rejection", "{\"note\":\"Tracking shows it with the shopper\"}").statusCode(200);
    }

    @Test
    void twenty_requests_at_once_on_one_order_open_one() throws Exception {
        long orderId = orderAt("shopper", 5_000, "DELIVERED");
        List<Callable<Integer>> asks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            asks.add(() -> ask("shopper", orderId, "{\"reason\":\"DAMAGED\"}").extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (var answer : pool.invokeAll(asks)) {
                statuses.add(answer.get());
            }
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .body("size()", equalTo(1));
    }
}
