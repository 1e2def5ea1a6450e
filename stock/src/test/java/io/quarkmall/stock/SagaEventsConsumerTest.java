package io.quarkmall.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement;
import io.quarkmall.stock.domain.StockReservation;
import io.quarkmall.stock.domain.WarehouseStock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The saga through real Kafka: events in on stock's topics, effects in PostgreSQL, events out in the outbox. */
@QuarkusTest
class SagaEventsConsumerTest {

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private static void send(String topic, long orderId, String raw) throws Exception {
        producer.send(new ProducerRecord<>(topic, Long.toString(orderId), raw)).get(10, TimeUnit.SECONDS);
    }

    private static String envelope(UUID eventId, String type, long orderId, String payload) {
        return """
                {"eventId":"%s","type":"%s","occurredAt":"%s","aggregateId":"%d","payload":%s}"""
                .formatted(eventId, type, Instant.now(), orderId, payload);
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!QuarkusTransaction.requiringNew().call(condition::getAsBoolean)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void an_order_placed_holds_stock_once_however_often_it_is_delivered_and_payment_confirms_it() throws Exception {
        String sku = CatalogAnnouncements.stocked("SAGA", 5);
        long orderId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String placed = envelope(UUID.randomUUID(), "OrderPlaced", orderId,
                "{\"orderId\":%d,\"shopperId\":\"s\",\"lines\":[{\"sku\":\"%s\",\"quantity\":2}]}".formatted(orderId, sku));

        send("test.stock.order.v1", orderId, "this is not an event");  // goes to the dead-letter topic
        send("test.stock.order.v1", orderId, placed);
        send("test.stock.order.v1", orderId, placed);                  // redelivery
        send("test.stock.order.v1", orderId, envelope(UUID.randomUUID(), "OrderAwaitingPayment", orderId,
                "{\"orderId\":%d}".formatted(orderId)));             // not stock's business: skipped
        UUID marker = marker(orderId);
        // Same key, same partition, in order: once the marker is in the inbox, everything before it was handled.
        eventually("the events up to the marker", () -> handled(marker));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> StockReservation.count("sku", sku)));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> reservedEvents(orderId)));
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> StockLevel.<StockLevel>findById(sku).available()));

        send("test.stock.order.v1", orderId, envelope(UUID.randomUUID(), "OrderPaid", orderId,
                "{\"orderId\":%d,\"shopperId\":\"s\"}".formatted(orderId)));
        eventually("stock taken on payment", () -> StockLevel.<StockLevel>findById(sku).onHand() == 3);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> StockLevel.<StockLevel>findById(sku).reserved()));

        // cancelled before it shipped: the sold units go back on the shelf, once
        String cancelled = """
                {"orderId":%d,"shopperId":"s","reason":"SHOPPER_CANCELLED",
                 "compensation":{"stock":"RESTOCK","refund":{"amountMinor":200,"currency":"CNY"}}}""".formatted(orderId);
        send("test.stock.order.v1", orderId, envelope(UUID.randomUUID(), "OrderCancelled", orderId, cancelled));
        send("test.stock.order.v1", orderId, envelope(UUID.randomUUID(), "OrderCancelled", orderId, cancelled));
        UUID last = marker(orderId);
        eventually("the cancellations", () -> handled(last));
        assertEquals(5, QuarkusTransaction.requiringNew().call(() -> StockLevel.<StockLevel>findById(sku).onHand()));
        assertEquals(StockReservation.Status.RESTOCKED, QuarkusTransaction.requiringNew().call(() ->
                StockReservation.<StockReservation>find("sku", sku).firstResult().status()));
    }

    @Test
    void an_order_stock_refused_gives_nothing_back_when_cancelled() throws Exception {
        String sku = CatalogAnnouncements.stocked("SAGA", 1);
        long orderId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        send("test.stock.order.v1", orderId, envelope(UUID.randomUUID(), "OrderPlaced", orderId,
                "{\"orderId\":%d,\"shopperId\":\"s\",\"lines\":[{\"sku\":\"%s\",\"quantity\":2}]}".formatted(orderId, sku)));
        send("test.stock.order.v1", orderId, envelope(UUID.randomUUID(), "OrderCancelled", orderId, """
                {"orderId":%d,"shopperId":"s","reason":"STOCK_REJECTED","compensation":{"stock":"NONE","refund":null}}"""
                .formatted(orderId)));
        UUID marker = marker(orderId);
        eventually("the rejection and the cancellation", () -> handled(marker));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("recordKey = ?1 and envelope like ?2",
                Long.toString(orderId), "%\"StockRejected\"%")));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("recordKey = ?1 and envelope like ?2",
                Long.toString(orderId), "%\"StockReleased\"%")), "nothing was held, so nothing is released");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> StockLevel.<StockLevel>findById(sku).available()));
    }

    @Test
    void returned_goods_go_back_sellable_or_into_quarantine_where_they_left_once_however_often_announced() throws Exception {
        String sku = CatalogAnnouncements.stocked("RETURN", 5);
        long orderId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        send("test.stock.order.v1", orderId, envelope(UUID.randomUUID(), "OrderPlaced", orderId,
                "{\"orderId\":%d,\"shopperId\":\"s\",\"lines\":[{\"sku\":\"%s\",\"quantity\":3}]}".formatted(orderId, sku)));
        send("test.stock.order.v1", orderId, envelope(UUID.randomUUID(), "OrderPaid", orderId,
                "{\"orderId\":%d,\"shopperId\":\"s\"}".formatted(orderId)));
        eventually("stock taken on payment", () -> StockLevel.<StockLevel>findById(sku).onHand() == 2);

        String sellable = envelope(UUID.randomUUID(), "OrderReturnReceived", orderId, """
                {"orderId":%d,"shopperId":"s","requestId":71,"lines":[{"sku":"%s","quantity":2}],"disposition":"SELLABLE"}"""
                .formatted(orderId, sku));
        send("test.stock.order.v1", orderId, sellable);
        send("test.stock.order.v1", orderId, sellable); // redelivered: taken back once
        send("test.stock.order.v1", orderId, envelope(UUID.randomUUID(), "OrderReturnReceived", orderId, """
                {"orderId":%d,"shopperId":"s","requestId":72,"lines":[{"sku":"%s","quantity":1}],"disposition":"QUARANTINE"}"""
                .formatted(orderId, sku)));
        UUID marker = marker(orderId);
        eventually("the returns", () -> handled(marker));

        var level = QuarkusTransaction.requiringNew().call(() -> StockLevel.<StockLevel>findById(sku));
        assertEquals(4, level.onHand(), "2 sellable units back on hand, the quarantined one not");
        assertEquals(4, level.available());
        WarehouseStock stock = QuarkusTransaction.requiringNew().call(() -> WarehouseStock.<WarehouseStock>find("sku", sku).firstResult());
        assertEquals(4, stock.onHand());
        assertEquals(1, stock.quarantined());
        var movements = QuarkusTransaction.requiringNew().call(() -> StockMovement.pageOf(sku, null, 0, 10).stream()
                .map(m -> m.kind() + " " + m.quantity() + " " + m.reference()).toList());
        assertEquals(List.of("RETURN_TO_QUARANTINE 1 order:" + orderId + ":after-sales:72", "RETURN_TO_STOCK 2 order:" + orderId + ":after-sales:71"),
                movements.subList(0, 2));
    }

    /**
     * An event stock applies (recorded in its inbox) that changes nothing: OrderPaid for an order
     * stock never held, sent with {@code orderId}'s key so it queues behind that order's events.
     */
    private static UUID marker(long orderId) throws Exception {
        UUID marker = UUID.randomUUID();
        long nobody = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        send("test.stock.order.v1", orderId, envelope(marker, "OrderPaid", orderId,
                "{\"orderId\":%d,\"shopperId\":\"s\"}".formatted(nobody)));
        return marker;
    }

    private static boolean handled(UUID eventId) {
        return ((Number) StockLevel.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE consumer = 'stock.orders' AND event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() == 1;
    }

    private static long reservedEvents(long orderId) {
        return OutboxEvent.count("recordKey = ?1 and envelope like ?2", Long.toString(orderId), "%\"StockReserved\"%");
    }
}
