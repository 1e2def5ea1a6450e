package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.CheckoutSagaTest.awaitStatus;
import static io.quarkmall.cartorder.CheckoutSagaTest.event;
import static io.quarkmall.cartorder.CheckoutSagaTest.listedSku;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.service.OrderService;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A shopper stock admitted to a flash sale (FlashSaleAdmitted on stock.flashsale.v1) gets one
 * FLASH_SALE order, once per ticket, which runs the checkout saga like any order; an unreadable
 * admission goes to the dead-letter topic and places nothing.
 */
@QuarkusTest
class FlashSaleOrdersTest {

    private static final String FLASH_SALES = "test.cart-order.flashsale.v1";
    private static final String DEAD_LETTERS = "test.cart-order.flash-sales.dead-letter";
    private static final Duration CONSUMED = Duration.ofSeconds(60);

    @Inject
    OrderService orders;

    private static String admitted(UUID eventId, UUID ticket, String shopperId, String sku, long priceMinor) {
        return """
                {"eventId":"%s","type":"FlashSaleAdmitted","occurredAt":"%s","aggregateId":"%s",
                 "payload":{"ticketId":"%s","saleId":7,"shopperId":"%s","sku":"%s",
                            "price":{"amountMinor":%d,"currency":"CNY"},"admittedAt":"%s"}}"""
                .formatted(eventId, Instant.now(), ticket, ticket, shopperId, sku, priceMinor, Instant.now());
    }

    /** Sends an admission keyed like stock keys it (by ticket; here a number standing for it). */
    private static void send(long key, String envelope) {
        SagaEvents.send(FLASH_SALES, key, envelope);
    }

    private static List<Order> ordersFor(UUID ticket) {
        return QuarkusTransaction.requiringNew().call(() -> Order.<Order>list("flashSaleTicket", ticket));
    }

    private static long awaitOrderFor(UUID ticket) {
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100)).until(() -> !ordersFor(ticket).isEmpty());
        return ordersFor(ticket).getFirst().id();
    }

    /** The shopper's demo subject, as stock names the admitted shopper. */
    private static String shopper() {
        return Tokens.subjectOf("shopper");
    }

    private static List<String> placedEnvelopes(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 and envelope like ?2", Long.toString(orderId), "%\"type\":\"OrderPlaced\"%"))
                .stream().map(OutboxEvent::envelope).toList();
    }

    @Test
    void an_admitted_shopper_gets_one_flash_sale_order_at_the_sale_price_however_often_the_admission_arrives() {
        String sku = listedSku(3_500);
        UUID ticket = UUID.randomUUID();
        long key = SagaEvents.newOrderId();
        String envelope = admitted(UUID.randomUUID(), ticket, shopper(), sku, 990);
        send(key, envelope);
        send(key, envelope);                                                  // redelivered
        send(key, admitted(UUID.randomUUID(), ticket, shopper(), sku, 990)); // announced again under a new event id
        send(key, "{\"eventId\":\"%s\",\"type\":\"FlashSaleTicketReturned\",\"occurredAt\":\"%s\",\"aggregateId\":\"x\",\"payload\":{}}"
                .formatted(UUID.randomUUID(), Instant.now()));                 // not cart-order's business: skipped
        UUID marker = UUID.randomUUID();
        send(key, admitted(UUID.randomUUID(), marker, shopper(), sku, 990));
        long markerOrder = awaitOrderFor(marker); // same key, in order: everything before it was handled
        long orderId = awaitOrderFor(ticket);

        assertEquals(1, ordersFor(ticket).size(), "one order per ticket");
        assertTrue(markerOrder != orderId);
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then().statusCode(200)
                .body("kind", equalTo("FLASH_SALE")).body("status", equalTo("PENDING"))
                .body("flashSaleTicket", equalTo(ticket.toString()))
                .body("lines.size()", equalTo(1)).body("lines[0].sku", equalTo(sku))
                .body("lines[0].quantity", equalTo(1)).body("lines[0].unitPrice.amountMinor", equalTo(990))
                .body("lines[0].productName", equalTo("绿茶"))
                .body("total.amountMinor", equalTo(990)).body("adjustments.size()", equalTo(0));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders").then().statusCode(200)
                .body("find { it.id == %d }.kind".formatted(orderId), equalTo("FLASH_SALE"));
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/orders/{id}", orderId).then().statusCode(404)
                .contentType("application/problem+json");
        List<String> placed = placedEnvelopes(orderId);
        assertEquals(1, placed.size());
        assertTrue(placed.getFirst().contains("\"flashSaleTicket\":\"" + ticket + "\""), placed.getFirst());
    }

    @Test
    void a_flash_sale_order_goes_through_the_saga_to_paid() throws Exception {
        String sku = listedSku(2_000);
        UUID ticket = UUID.randomUUID();
        send(SagaEvents.newOrderId(), admitted(UUID.randomUUID(), ticket, shopper(), sku, 500));
        long orderId = awaitOrderFor(ticket);

        event("test.cart-order.reservation.v1", "StockReserved", orderId, ",\"lines\":[]");
        awaitStatus(orderId, "STOCK_RESERVED");
        assertEquals(Set.of(), violations(orderId), "pay reads it as documented");
        event("test.cart-order.payment.v1", "PaymentSucceeded", orderId, "");
        awaitStatus(orderId, "PAID");
        assertEquals(Set.of(), violations(orderId));
        assertEquals(List.of("OrderPlaced", "OrderAwaitingPayment", "OrderPaid"), CheckoutSagaTest.eventTypes(orderId));
    }

    @Test
    void an_unpaid_flash_sale_order_is_cancelled_after_the_payment_timeout_and_its_unit_released() {
        String sku = listedSku(2_000);
        UUID ticket = UUID.randomUUID();
        send(SagaEvents.newOrderId(), admitted(UUID.randomUUID(), ticket, shopper(), sku, 500));
        long orderId = awaitOrderFor(ticket);
        event("test.cart-order.reservation.v1", "StockReserved", orderId, ",\"lines\":[]");
        awaitStatus(orderId, "STOCK_RESERVED");

        orders.sweepAsOf(Instant.now().plus(Duration.ofMinutes(16)));
        awaitStatus(orderId, "CANCELLED");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("cancelReason", equalTo("UNPAID_TIMEOUT")).body("actions", org.hamcrest.Matchers.empty());
        String cancelled = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 order by id desc", Long.toString(orderId)).getFirst().envelope());
        assertTrue(cancelled.contains("\"type\":\"OrderCancelled\"") && cancelled.contains("\"stock\":\"RELEASE\""),
                "stock is told to release the unit, which goes back to the sale: " + cancelled);
    }

    @Test
    void a_flash_sale_order_stock_refuses_is_cancelled() {
        String sku = listedSku(2_000);
        UUID ticket = UUID.randomUUID();
        send(SagaEvents.newOrderId(), admitted(UUID.randomUUID(), ticket, shopper(), sku, 500));
        long orderId = awaitOrderFor(ticket);
        event("test.cart-order.reservation.v1", "StockRejected", orderId,
                ",\"sku\":\"%s\",\"requested\":1,\"available\":0".formatted(sku));
        awaitStatus(orderId, "CANCELLED");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .body("cancelReason", equalTo("STOCK_REJECTED"));
    }

    @Test
    void an_unreadable_admission_goes_to_the_dead_letter_topic_and_places_nothing() {
        String sku = listedSku(2_000);
        long key = SagaEvents.newOrderId();
        UUID noPrice = UUID.randomUUID();
        UUID badPrice = UUID.randomUUID();
        String notAnEvent = "this is not an event " + UUID.randomUUID();
        String notATicket = admitted(UUID.randomUUID(), UUID.randomUUID(), shopper(), sku, 990)
                .replaceFirst("\"ticketId\":\"[^\"]+\"", "\"ticketId\":\"ticket-42\"");
        String withoutPrice = admitted(UUID.randomUUID(), noPrice, shopper(), sku, 990)
                .replaceFirst("\"price\":\\{[^}]+},", "");
        String negativePrice = admitted(UUID.randomUUID(), badPrice, shopper(), sku, -1);
        String noShopper = admitted(UUID.randomUUID(), UUID.randomUUID(), " ", sku, 990);
        for (String unreadable : List.of(notAnEvent, notATicket, withoutPrice, negativePrice, noShopper)) {
            send(key, unreadable);
        }
        UUID marker = UUID.randomUUID();
        send(key, admitted(UUID.randomUUID(), marker, shopper(), sku, 990));
        awaitOrderFor(marker); // the unreadable ones did not stop the partition

        assertEquals(List.of(), ordersFor(noPrice));
        assertEquals(List.of(), ordersFor(badPrice));
        List<String> dead = deadLetters(5, notAnEvent, notATicket, withoutPrice, negativePrice, noShopper);
        assertEquals(5, dead.size(), "each unreadable admission is dead-lettered: " + dead);
    }

    @Test
    void an_admission_for_a_sku_cart_order_never_heard_of_places_nothing_and_is_dead_lettered() {
        UUID ticket = UUID.randomUUID();
        String unknown = admitted(UUID.randomUUID(), ticket, shopper(), "NEVER-" + ticket, 990);
        send(SagaEvents.newOrderId(), unknown);
        List<String> dead = deadLetters(1, unknown);
        assertEquals(List.of(unknown), dead, "after its retries");
        assertEquals(List.of(), ordersFor(ticket));
    }

    /** The messages of {@code wanted} found on the dead-letter topic within a minute and a half. */
    private static List<String> deadLetters(int expected, String... wanted) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        var found = new java.util.ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", "dead-letter-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            boolean assigned = false;
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                if (!assigned) {
                    var partitions = consumer.partitionsFor(DEAD_LETTERS);
                    if (partitions == null || partitions.isEmpty()) {
                        sleep();
                        continue;
                    }
                    var assignment = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    consumer.assign(assignment);
                    consumer.seekToBeginning(assignment);
                    assigned = true;
                }
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (List.of(wanted).contains(record.value())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<?> violations(long orderId) throws Exception {
        String answer = given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .statusCode(200).extract().asString();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("../docs/api/cart-order.order.schema.json")))
                .validate(new ObjectMapper().readTree(answer));
    }
}
