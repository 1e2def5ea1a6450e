package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.FlashSales.awaitStart;
import static io.quarkmall.stock.FlashSales.buy;
import static io.quarkmall.stock.FlashSales.saleToken;
import static io.quarkmall.stock.FlashSales.scheduled;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.service.FlashSaleDrainer;
import io.quarkmall.stock.service.FlashSaleGate;
import io.quarkmall.stock.service.FlashSaleReturns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Admitted tickets reach PostgreSQL and Kafka (FlashSaleAdmitted on stock.flashsale.v1), and the
 * unit of a cancelled order, or of a ticket never ordered in time, goes back to the sale once.
 */
@QuarkusTest
class FlashSaleHandOffTest {

    private static final String ORDERS = "test.stock.order.v1";
    private static final Duration CONSUMED = Duration.ofSeconds(60);

    @Inject
    FlashSaleDrainer drainer;
    @Inject
    FlashSaleGate gate;
    @Inject
    FlashSaleReturns returns;

    private record Bought(long sale, String sku, UUID ticket, String access, String saleToken) {}

    private static Bought buyOne(int units) {
        String sku = stocked("FS", units);
        long sale = scheduled(sku, units, 2, Duration.ofSeconds(2), Duration.ofMinutes(10));
        String access = Tokens.of("shopper");
        String token = saleToken(access, sale, "10.203.0.1");
        awaitStart(sale);
        String ticket = buy(access, sale, token, UUID.randomUUID().toString(), "10.203.0.1").statusCode(201)
                .extract().path("ticketId");
        return new Bought(sale, sku, UUID.fromString(ticket), access, token);
    }

    private static FlashSaleTicket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> FlashSaleTicket.<FlashSaleTicket>findById(id));
    }

    private static long events(String type, UUID ticket) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "topic like ?1 and recordKey = ?2 and envelope like ?3", "%stock.flashsale.v1", ticket.toString(),
                "%\"type\":\"" + type + "\"%"));
    }

    private static String placed(long orderId, String sku, UUID ticket) {
        return SagaEvents.publish(ORDERS, "OrderPlaced", orderId, """
                {"orderId":%d,"lines":[{"sku":"%s","quantity":1}],"flashSaleTicket":"%s"}""".formatted(orderId, sku, ticket));
    }

    @Test
    void an_admitted_ticket_is_drained_once_and_announced_with_the_sale_price() {
        Bought b = buyOne(3);
        drainer.drain();
        drainer.drain();

        FlashSaleTicket t = ticket(b.ticket());
        assertEquals(FlashSaleTicket.Status.ADMITTED, t.status());
        assertEquals(Tokens.subjectOf("shopper"), t.shopperId());
        assertEquals(1, events("FlashSaleAdmitted", b.ticket()));
        String envelope = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find(
                "recordKey", b.ticket().toString()).firstResult().envelope());
        assertTrue(envelope.contains("\"price\":{\"amountMinor\":990,\"currency\":\"CNY\"}"), envelope);
        assertTrue(envelope.contains("\"sku\":\"" + b.sku() + "\""), envelope);
    }

    /** Another ticket of the same sale for the same shopper, drained. */
    private UUID another(Bought b) {
        String ticket = buy(b.access(), b.sale(), b.saleToken(), UUID.randomUUID().toString(), "10.203.0.1").statusCode(201)
                .extract().path("ticketId");
        drainer.drain();
        return UUID.fromString(ticket);
    }

    /**
     * Waits until everything published before under {@code key} was handled: an OrderPlaced of
     * another order for {@code marker}, under the same key (same partition, in order), links it.
     */
    private static void awaitHandled(long key, String sku, UUID marker) {
        SagaEvents.publish(ORDERS, "OrderPlaced", key, """
                {"orderId":%d,"lines":[{"sku":"%s","quantity":1}],"flashSaleTicket":"%s"}"""
                .formatted(SagaEvents.newOrderId(), sku, marker));
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100))
                .until(() -> ticket(marker).status() == FlashSaleTicket.Status.ORDERED);
    }

    @Test
    void a_cancelled_orders_unit_returns_to_the_sale_once_even_when_the_event_comes_again() {
        Bought b = buyOne(3);
        drainer.drain();
        long orderId = SagaEvents.newOrderId();
        placed(orderId, b.sku(), b.ticket());
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100))
                .until(() -> ticket(b.ticket()).status() == FlashSaleTicket.Status.ORDERED);
        assertEquals(2L, gate.remaining(b.sale()).orElseThrow());

        String cancelled = SagaEvents.publish(ORDERS, "OrderCancelled", orderId,
                "{\"orderId\":%d,\"reason\":\"Not paid in time\"}".formatted(orderId));
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100))
                .until(() -> ticket(b.ticket()).status() == FlashSaleTicket.Status.RETURNED);
        assertEquals(3L, gate.remaining(b.sale()).orElseThrow(), "the unit is back");

        SagaEvents.send(ORDERS, orderId, cancelled); // delivered again
        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, "{\"orderId\":%d}".formatted(orderId)); // cancelled again
        SagaEvents.publish(ORDERS, "OrderPaid", orderId, "{\"orderId\":%d}".formatted(orderId)); // too late
        UUID next = another(b);
        awaitHandled(orderId, b.sku(), next);

        assertEquals(2L, gate.remaining(b.sale()).orElseThrow(), "the unit came back once, and was sold again");
        assertEquals(FlashSaleTicket.Status.RETURNED, ticket(b.ticket()).status());
        assertEquals(1, events("FlashSaleTicketReturned", b.ticket()));
        var counts = returns.soldCounts(b.sale());
        assertEquals(1L, counts.postgres());
        assertEquals(counts.redis().orElseThrow(), counts.postgres());
    }

    @Test
    void a_paid_orders_unit_stays_sold_and_goes_back_on_the_shelf_not_to_the_sale_if_the_order_is_cancelled() {
        Bought b = buyOne(3);
        drainer.drain();
        long orderId = SagaEvents.newOrderId();
        placed(orderId, b.sku(), b.ticket());
        SagaEvents.publish(ORDERS, "OrderPaid", orderId, "{\"orderId\":%d}".formatted(orderId));
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100))
                .until(() -> ticket(b.ticket()).status() == FlashSaleTicket.Status.PAID);
        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, "{\"orderId\":%d}".formatted(orderId));
        awaitHandled(orderId, b.sku(), another(b));
        returns.expireUnorderedAsOf(Instant.now().plus(Duration.ofDays(1)));

        assertEquals(FlashSaleTicket.Status.RESTOCKED, ticket(b.ticket()).status());
        assertEquals(0, events("FlashSaleTicketReturned", b.ticket()));
        assertEquals(1L, gate.remaining(b.sale()).orElseThrow());
    }

    @Test
    void a_ticket_no_order_carries_within_its_time_returns_its_unit_and_the_shopper_may_buy_again() {
        Bought b = buyOne(1);
        buy(b.access(), b.sale(), b.saleToken(), UUID.randomUUID().toString(), "10.203.0.1").statusCode(409);
        drainer.drain();

        returns.expireUnorderedAsOf(Instant.now());
        assertEquals(FlashSaleTicket.Status.ADMITTED, ticket(b.ticket()).status(), "not before the ticket's time is up");
        assertTrue(returns.expireUnorderedAsOf(Instant.now().plus(Duration.ofMinutes(16))) >= 1);
        assertEquals(0, returns.expireUnorderedAsOf(Instant.now().plus(Duration.ofMinutes(16))), "once");

        assertEquals(FlashSaleTicket.Status.RETURNED, ticket(b.ticket()).status());
        assertEquals(1, events("FlashSaleTicketReturned", b.ticket()));
        assertEquals(1L, gate.remaining(b.sale()).orElseThrow());
        buy(b.access(), b.sale(), b.saleToken(), UUID.randomUUID().toString(), "10.203.0.1").statusCode(201);
        drainer.drain();
        var counts = returns.soldCounts(b.sale());
        assertEquals(1L, counts.postgres());
        assertEquals(counts.redis().orElseThrow(), counts.postgres());
    }
}
