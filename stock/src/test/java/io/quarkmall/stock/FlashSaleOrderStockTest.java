package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.FlashSales.awaitStart;
import static io.quarkmall.stock.FlashSales.buy;
import static io.quarkmall.stock.FlashSales.saleToken;
import static io.quarkmall.stock.FlashSales.scheduled;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement;
import io.quarkmall.stock.domain.StockReservation;
import io.quarkmall.stock.service.FlashSaleDrainer;
import io.quarkmall.stock.service.FlashSaleGate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An order placed for a flash-sale ticket (OrderPlaced.flashSaleTicket) holds the unit the sale set
 * aside, never a regular one: paid, the unit leaves the warehouse from the set-aside; cancelled
 * unpaid (the payment timeout), it goes back to the sale; paid and cancelled before shipping, back on
 * the shelf. Any other order for a ticket is refused and holds nothing.
 */
@QuarkusTest
class FlashSaleOrderStockTest {

    private static final String ORDERS = "test.stock.order.v1";
    private static final Duration CONSUMED = Duration.ofSeconds(60);

    @Inject
    FlashSaleDrainer drainer;
    @Inject
    FlashSaleGate gate;

    /** A ticket for one of {@code forSale} units set aside from {@code onHand}, drained to PostgreSQL. */
    private record Sold(long sale, String sku, UUID ticket, String access, String saleToken) {}

    private Sold soldOne(int onHand, int forSale) {
        String sku = stocked("FSO", onHand);
        long sale = scheduled(sku, forSale, 2, Duration.ofSeconds(2), Duration.ofMinutes(10));
        String access = Tokens.of("shopper");
        String token = saleToken(access, sale, "10.204.0.1");
        awaitStart(sale);
        String ticket = buy(access, sale, token, UUID.randomUUID().toString(), "10.204.0.1").statusCode(201)
                .extract().path("ticketId");
        drainer.drain();
        return new Sold(sale, sku, UUID.fromString(ticket), access, token);
    }

    /** The same shopper's second ticket of the sale, drained. */
    private UUID another(Sold s) {
        String ticket = buy(s.access(), s.sale(), s.saleToken(), UUID.randomUUID().toString(), "10.204.0.1")
                .statusCode(201).extract().path("ticketId");
        drainer.drain();
        return UUID.fromString(ticket);
    }

    private static String placed(long orderId, String sku, int quantity, String ticket) {
        return SagaEvents.publish(ORDERS, "OrderPlaced", orderId, """
                {"orderId":%d,"shopperId":"s","lines":[{"sku":"%s","quantity":%d}],"flashSaleTicket":"%s"}"""
                .formatted(orderId, sku, quantity, ticket));
    }

    private static void event(String type, long orderId, String extra) {
        SagaEvents.publish(ORDERS, type, orderId, "{\"orderId\":%d,\"shopperId\":\"s\"%s}".formatted(orderId, extra));
    }

    private static long announced(String type, long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("recordKey = ?1 and envelope like ?2",
                Long.toString(orderId), "%\"type\":\"" + type + "\"%"));
    }

    private static void awaitAnnounced(String type, long orderId) {
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100)).until(() -> announced(type, orderId) >= 1);
    }

    private static FlashSaleTicket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> FlashSaleTicket.<FlashSaleTicket>findById(id));
    }

    private static void awaitTicket(UUID id, FlashSaleTicket.Status status) {
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100)).until(() -> ticket(id).status() == status);
    }

    /** On hand, reserved. */
    private static long[] level(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StockLevel level = StockLevel.findById(sku);
            return new long[] {level.onHand(), level.reserved()};
        });
    }

    /**
     * Waits until stock's saga consumer handled everything sent before under {@code orderId}'s key: an
     * OrderPaid of an order it never held, under that key (same partition, in order), reaches its inbox.
     */
    private static void awaitSagaHandled(long orderId) {
        UUID marker = UUID.randomUUID();
        SagaEvents.send(ORDERS, orderId, """
                {"eventId":"%s","type":"OrderPaid","occurredAt":"2026-01-01T00:00:00Z","aggregateId":"%d",
                 "payload":{"orderId":%d,"shopperId":"s"}}""".formatted(marker, orderId, SagaEvents.newOrderId()));
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) StockLevel.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM inbox_event WHERE consumer = 'stock.orders' AND event_id = ?1")
                        .setParameter(1, marker).getSingleResult()).longValue() == 1));
    }

    @Test
    void a_ticket_order_holds_the_sales_unit_once_and_payment_takes_it_from_on_hand_and_the_set_aside() {
        Sold s = soldOne(5, 2);
        assertEquals(5, level(s.sku())[0]);
        assertEquals(2, level(s.sku())[1], "the sale's 2 units are set aside");
        long orderId = SagaEvents.newOrderId();
        String envelope = placed(orderId, s.sku(), 1, s.ticket().toString());
        SagaEvents.send(ORDERS, orderId, envelope); // delivered again
        awaitAnnounced("StockReserved", orderId);
        awaitSagaHandled(orderId);

        assertEquals(1, announced("StockReserved", orderId), "held once");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> StockReservation.count("sku", s.sku())),
                "no regular unit is held");
        assertEquals(2, level(s.sku())[1], "nothing more is reserved: the unit was set aside already");
        assertEquals(FlashSaleTicket.Status.ORDERED, ticket(s.ticket()).status());
        assertEquals(orderId, ticket(s.ticket()).orderId());

        event("OrderPaid", orderId, "");
        awaitTicket(s.ticket(), FlashSaleTicket.Status.PAID);
        assertEquals(4, level(s.sku())[0], "the unit left the warehouse");
        assertEquals(1, level(s.sku())[1], "from the units set aside; the regular 3 are still available");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> StockMovement.count("sku = ?1 and kind = ?2",
                s.sku(), StockMovement.Kind.SALE)));
        assertEquals(1L, gate.remaining(s.sale()).orElseThrow(), "the sale sold it");
    }

    @Test
    void an_unpaid_ticket_order_cancelled_at_its_payment_timeout_gives_the_unit_back_to_the_sale_not_the_shelf() {
        Sold s = soldOne(4, 2);
        long orderId = SagaEvents.newOrderId();
        placed(orderId, s.sku(), 1, s.ticket().toString());
        awaitAnnounced("StockReserved", orderId);
        assertEquals(1L, gate.remaining(s.sale()).orElseThrow());

        event("OrderCancelled", orderId, """
                ,"reason":"UNPAID_TIMEOUT","compensation":{"stock":"RELEASE","refund":null}""");
        awaitTicket(s.ticket(), FlashSaleTicket.Status.RETURNED);
        awaitSagaHandled(orderId);

        assertEquals(2L, gate.remaining(s.sale()).orElseThrow(), "the unit is for sale again");
        assertEquals(4, level(s.sku())[0]);
        assertEquals(2, level(s.sku())[1], "still set aside for the sale: the shop cannot sell it");
        assertEquals(0, announced("StockReleased", orderId), "no regular unit was held, so none is released");
    }

    @Test
    void a_paid_ticket_order_cancelled_before_shipping_puts_the_unit_back_on_the_shelf() {
        Sold s = soldOne(3, 2);
        long orderId = SagaEvents.newOrderId();
        placed(orderId, s.sku(), 1, s.ticket().toString());
        awaitAnnounced("StockReserved", orderId);
        event("OrderPaid", orderId, "");
        awaitTicket(s.ticket(), FlashSaleTicket.Status.PAID);
        event("OrderCancelled", orderId, """
                ,"reason":"SHOPPER_CANCELLED","compensation":{"stock":"RESTOCK","refund":{"amountMinor":990,"currency":"CNY"}}""");
        event("OrderCancelled", orderId, ",\"reason\":\"SHOPPER_CANCELLED\""); // again: changes nothing
        awaitTicket(s.ticket(), FlashSaleTicket.Status.RESTOCKED);
        awaitSagaHandled(orderId);

        assertEquals(3, level(s.sku())[0], "back on hand");
        assertEquals(1, level(s.sku())[1], "and available to the shop, not to the sale");
        assertEquals(1L, gate.remaining(s.sale()).orElseThrow(), "the sale does not sell it again");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> StockMovement.count("sku = ?1 and kind = ?2",
                s.sku(), StockMovement.Kind.RETURN_TO_STOCK)));
    }

    @Test
    void a_paid_ticket_orders_returned_unit_goes_back_to_the_sales_warehouse_once() {
        Sold s = soldOne(3, 2);
        long orderId = SagaEvents.newOrderId();
        placed(orderId, s.sku(), 1, s.ticket().toString());
        awaitAnnounced("StockReserved", orderId);
        event("OrderPaid", orderId, "");
        awaitTicket(s.ticket(), FlashSaleTicket.Status.PAID);
        awaitSagaHandled(orderId);
        long onHand = level(s.sku())[0];

        String returned = SagaEvents.publish(ORDERS, "OrderReturnReceived", orderId, """
                {"orderId":%d,"shopperId":"s","requestId":9,"lines":[{"sku":"%s","quantity":1}],"disposition":"SELLABLE"}"""
                .formatted(orderId, s.sku()));
        SagaEvents.send(ORDERS, orderId, returned); // delivered again
        awaitSagaHandled(orderId);

        assertEquals(onHand + 1, level(s.sku())[0], "the returned unit is on hand again, once");
        assertEquals(List.of("RETURN_TO_STOCK 1 order:" + orderId + ":after-sales:9"),
                QuarkusTransaction.requiringNew().call(() -> StockMovement.<StockMovement>list("sku = ?1 and kind = ?2",
                        s.sku(), StockMovement.Kind.RETURN_TO_STOCK).stream()
                        .map(m -> m.kind() + " " + m.quantity() + " " + m.reference()).toList()));
    }

    @Test
    void an_order_for_a_ticket_that_is_not_its_own_to_take_is_refused_and_holds_nothing() {
        Sold s = soldOne(6, 2);
        long first = SagaEvents.newOrderId();
        placed(first, s.sku(), 1, s.ticket().toString());
        awaitAnnounced("StockReserved", first);

        long another = SagaEvents.newOrderId();    // the ticket is the first order's
        placed(another, s.sku(), 1, s.ticket().toString());
        long twoUnits = SagaEvents.newOrderId();   // a ticket buys one unit
        placed(twoUnits, s.sku(), 2, another(s).toString());
        long unknown = SagaEvents.newOrderId();    // no such ticket
        placed(unknown, s.sku(), 1, UUID.randomUUID().toString());
        long malformed = SagaEvents.newOrderId();  // not a ticket at all
        placed(malformed, s.sku(), 1, "ticket-42");
        for (long refused : new long[] {another, twoUnits, unknown, malformed}) {
            awaitAnnounced("StockRejected", refused);
            assertEquals(0, announced("StockReserved", refused));
        }
        assertEquals(6, level(s.sku())[0]);
        assertEquals(2, level(s.sku())[1], "nothing held beyond the sale's set-aside");
        assertEquals(first, ticket(s.ticket()).orderId());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> StockReservation.count("sku", s.sku())));
    }

    @Test
    void an_order_for_a_ticket_of_another_sku_or_one_returned_to_the_sale_is_refused() {
        Sold s = soldOne(3, 1);
        long wrongSku = SagaEvents.newOrderId();
        placed(wrongSku, "NOT-" + s.sku(), 1, s.ticket().toString());
        awaitAnnounced("StockRejected", wrongSku);
        event("OrderCancelled", wrongSku, """
                ,"reason":"STOCK_REJECTED","compensation":{"stock":"NONE","refund":null}""");
        awaitTicket(s.ticket(), FlashSaleTicket.Status.RETURNED); // stock.flashsale-orders had linked it: back to the sale

        long late = SagaEvents.newOrderId();
        placed(late, s.sku(), 1, s.ticket().toString());
        awaitAnnounced("StockRejected", late);
        assertEquals(0, announced("StockReserved", late));
        assertEquals(1L, gate.remaining(s.sale()).orElseThrow(), "the returned unit is for sale, once");
        assertEquals(1, level(s.sku())[1]);
    }
}
