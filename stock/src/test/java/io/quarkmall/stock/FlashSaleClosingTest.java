package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.FlashSales.awaitStart;
import static io.quarkmall.stock.FlashSales.buy;
import static io.quarkmall.stock.FlashSales.saleToken;
import static io.quarkmall.stock.FlashSales.scheduled;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.domain.PurchaseOutcome;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement;
import io.quarkmall.stock.service.FlashSaleClosing;
import io.quarkmall.stock.service.FlashSaleDrainer;
import io.quarkmall.stock.service.FlashSaleGate;
import io.quarkmall.stock.service.FlashSaleReturns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An ended flash sale gives back to the shop, once, the units it neither sold nor holds for unpaid
 * orders, when no admitted ticket can still become an order; orders unpaid at the close end
 * correctly (paid: sold; cancelled: back to the shop, not to the closed sale), also when the close
 * races payments, cancellations and expiries.
 */
@QuarkusTest
class FlashSaleClosingTest {

    @Inject
    FlashSaleDrainer drainer;
    @Inject
    FlashSaleGate gate;
    @Inject
    FlashSaleReturns returns;
    @Inject
    FlashSaleClosing closing;

    private static FlashSale sale(long id) {
        return QuarkusTransaction.requiringNew().call(() -> FlashSale.<FlashSale>findById(id));
    }

    private static FlashSaleTicket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> FlashSaleTicket.<FlashSaleTicket>findById(id));
    }

    /** On hand, reserved. */
    private static long[] level(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StockLevel level = StockLevel.findById(sku);
            return new long[] {level.onHand(), level.reserved()};
        });
    }

    private static List<JsonPath> announced(String type, String like) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                        "topic like ?1 and envelope like ?2 and envelope like ?3", "%stock.flashsale.v1",
                        "%\"type\":\"" + type + "\"%", like)).stream()
                .map(e -> JsonPath.from(e.envelope()).setRootPath("payload")).toList();
    }

    private static List<JsonPath> closedEvents(long saleId) {
        return announced("FlashSaleClosed", "%\"saleId\":" + saleId + ",%");
    }

    private static long sales(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> StockMovement.count("sku = ?1 and kind = ?2", sku,
                StockMovement.Kind.SALE));
    }

    private void inTransaction(Runnable step) {
        QuarkusTransaction.requiringNew().run(step);
    }

    private static void awaitEnd(long saleId) {
        Instant end = sale(saleId).endsAt();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> Instant.now().isAfter(end));
    }

    /** {@code count} tickets of the demo shopper, through the API, drained to PostgreSQL. */
    private List<UUID> bought(long saleId, int count) {
        String access = Tokens.of("shopper");
        String token = saleToken(access, saleId, "10.205.0.1");
        awaitStart(saleId);
        var tickets = new ArrayList<UUID>();
        for (int i = 0; i < count; i++) {
            tickets.add(UUID.fromString(buy(access, saleId, token, UUID.randomUUID().toString(), "10.205.0.1")
                    .statusCode(201).extract().path("ticketId")));
        }
        drainer.drain();
        return tickets;
    }

    @Test
    void an_ended_sale_returns_what_it_neither_sold_nor_holds_to_the_shop_once_and_unpaid_orders_end_correctly() {
        String sku = stocked("FSC", 20);
        long saleId = scheduled(sku, 10, 10, Duration.ofSeconds(2), Duration.ofSeconds(6));
        List<UUID> t = bought(saleId, 5);
        long paid = SagaEvents.newOrderId();
        long cancelled = SagaEvents.newOrderId();
        long paidLate = SagaEvents.newOrderId();
        long cancelledLate = SagaEvents.newOrderId();
        inTransaction(() -> {
            returns.ordered(paid, t.get(0));
            returns.ordered(cancelled, t.get(1));
            returns.ordered(paidLate, t.get(2));
            returns.ordered(cancelledLate, t.get(3));
        });
        inTransaction(() -> returns.paid(paid));
        inTransaction(() -> returns.cancelled(cancelled));
        assertFalse(closing.close(saleId), "a live sale does not close");

        awaitEnd(saleId);
        assertFalse(closing.close(saleId), "an admitted ticket may still become an order");
        assertFalse(sale(saleId).closed());
        assertEquals(19, level(sku)[0]);
        assertEquals(9, level(sku)[1], "all but the sold unit still set aside");

        assertTrue(returns.expireUnorderedAsOf(Instant.now().plus(Duration.ofMinutes(16))) >= 1);
        assertEquals(FlashSaleTicket.Status.RETURNED, ticket(t.get(4)).status());
        closing.close(saleId);
        await().atMost(Duration.ofSeconds(30)).until(() -> sale(saleId).closed());

        List<JsonPath> closed = closedEvents(saleId);
        assertEquals(1, closed.size(), "closed once");
        assertEquals(1, closed.get(0).getInt("unitsSold"));
        assertEquals(2, closed.get(0).getInt("unitsHeld"), "the two orders not paid yet");
        assertEquals(7, closed.get(0).getInt("unitsReturnedToShop"), "10 - 1 sold - 2 held");
        assertEquals(sku, closed.get(0).getString("sku"));
        assertEquals(7, sale(saleId).unitsReturnedToShop().orElseThrow());
        assertEquals(19, level(sku)[0], "on hand: the units stay in the warehouse");
        assertEquals(2, level(sku)[1], "only the unpaid orders' units are still set aside");
        assertEquals(0L, gate.remaining(saleId).orElseThrow(), "nothing left in the closed sale");
        assertFalse(gate.returnUnit(saleId, t.get(3), "shopper"), "a closed sale takes no unit back");
        assertFalse(closing.close(saleId));
        closing.closeDue();
        assertEquals(1, closedEvents(saleId).size(), "a second close changes nothing");

        inTransaction(() -> returns.paid(paidLate));
        inTransaction(() -> returns.cancelled(cancelledLate));
        assertEquals(FlashSaleTicket.Status.PAID, ticket(t.get(2)).status());
        assertEquals(FlashSaleTicket.Status.RETURNED, ticket(t.get(3)).status());
        assertEquals(18, level(sku)[0], "the late payment sold its unit");
        assertEquals(0, level(sku)[1], "the late cancellation's unit went back to the shop");
        assertEquals(2, sales(sku));
        assertEquals(0L, gate.remaining(saleId).orElseThrow(), "not back to the closed sale");
        assertEquals("ORDER_CANCELLED_AFTER_CLOSE", announced("FlashSaleTicketReturned", "%" + t.get(3) + "%")
                .get(0).getString("reason"));
        Instant duringTheSale = sale(saleId).endsAt().minusSeconds(1);
        assertEquals(PurchaseOutcome.ENDED, gate.buy(saleId, "fsc-late-" + UUID.randomUUID(), UUID.randomUUID().toString(),
                "10.205.0.3", duringTheSale).await().indefinitely().outcome(), "the closed sale admits no one, whatever the clock");
    }

    @Test
    void a_sale_nobody_bought_from_returns_every_unit_once_it_ends() {
        String sku = stocked("FSC", 8);
        long saleId = scheduled(sku, 5, 1, Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertEquals(5, level(sku)[1]);
        awaitEnd(saleId);
        closing.close(saleId);
        await().atMost(Duration.ofSeconds(30)).until(() -> sale(saleId).closed());
        assertEquals(5, closedEvents(saleId).get(0).getInt("unitsReturnedToShop"));
        assertEquals(8, level(sku)[0]);
        assertEquals(0, level(sku)[1], "all 8 are the shop's again");
        FlashSales.schedule("merchant", FlashSales.body(sku, 8, 1, Instant.now().plusSeconds(60),
                Instant.now().plusSeconds(120))).statusCode(201);
    }

    @Test
    void the_close_racing_payments_cancellations_and_expiries_ends_with_every_unit_sold_or_back_in_the_shop_once()
            throws Exception {
        int units = 100;
        String sku = stocked("FSC", 150);
        long saleId = scheduled(sku, units, 1, Duration.ofSeconds(2), Duration.ofSeconds(8));
        awaitStart(saleId);
        var tickets = new ArrayList<UUID>();
        for (int i = 0; i < 60; i++) {
            var attempt = gate.buy(saleId, "fsc-racer-" + UUID.randomUUID(), UUID.randomUUID().toString(),
                    "10.206." + i / 250 + "." + i % 250, Instant.now()).await().indefinitely();
            tickets.add(UUID.fromString(attempt.ticketId()));
        }
        drainer.drain();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long orderId = SagaEvents.newOrderId();
            orders.add(orderId);
            UUID ticket = tickets.get(i);
            inTransaction(() -> returns.ordered(orderId, ticket));
        }
        List<Long> toPay = orders.subList(0, 20);
        List<Long> toCancel = orders.subList(20, 40);
        List<Long> heldAtClose = orders.subList(40, 50);
        awaitEnd(saleId);

        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> {
                boolean closedHere = false;
                for (int attempt = 0; attempt < 600 && !sale(saleId).closed(); attempt++) {
                    closedHere |= closing.close(saleId);
                    Thread.sleep(5);
                }
                return closedHere;
            });
        }
        toPay.forEach(order -> tasks.add(() -> {
            inTransaction(() -> returns.paid(order));
            return false;
        }));
        toCancel.forEach(order -> tasks.add(() -> {
            inTransaction(() -> returns.cancelled(order));
            return false;
        }));
        tasks.add(() -> {
            returns.expireUnorderedAsOf(Instant.now().plus(Duration.ofMinutes(16)));
            return false;
        });
        var futures = new ArrayList<Future<Boolean>>();
        for (var task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        int closedByRacers = 0;
        for (var future : futures) {
            closedByRacers += future.get() ? 1 : 0;
        }
        assertTrue(closedByRacers <= 1, "closed by " + closedByRacers + " racers");
        await().atMost(Duration.ofSeconds(30)).until(() -> sale(saleId).closed());

        List<JsonPath> closed = closedEvents(saleId);
        assertEquals(1, closed.size(), "closed exactly once");
        JsonPath close = closed.get(0);
        assertEquals(units, close.getInt("unitsSold") + close.getInt("unitsHeld") + close.getInt("unitsReturnedToShop"));
        var lateCancellations = new ArrayList<Future<?>>();
        for (long order : heldAtClose) {
            lateCancellations.add(pool.submit(() -> inTransaction(() -> returns.cancelled(order))));
        }
        for (var future : lateCancellations) {
            future.get();
        }
        pool.shutdown();

        Map<FlashSaleTicket.Status, Long> statuses = QuarkusTransaction.requiringNew().call(() -> FlashSaleTicket.countsOf(saleId));
        assertEquals(Map.of(FlashSaleTicket.Status.PAID, 20L, FlashSaleTicket.Status.RETURNED, 40L), statuses);
        assertEquals(20, sales(sku), "each payment sold its unit once");
        assertEquals(150 - 20, level(sku)[0]);
        assertEquals(0, level(sku)[1], "every unit not sold is the shop's again, none twice");
        assertEquals(0L, gate.remaining(saleId).orElseThrow());
        List<String> reasons = announced("FlashSaleTicketReturned", "%\"saleId\":" + saleId + ",%").stream()
                .map(p -> p.getString("reason")).toList();
        assertEquals(40, reasons.size(), "one return per returned ticket: " + reasons.stream()
                .collect(Collectors.groupingBy(r -> r, Collectors.counting())));
        long unpaidAtClose = 20 - close.getLong("unitsSold");
        assertEquals(close.getLong("unitsHeld") - unpaidAtClose, reasons.stream().filter("ORDER_CANCELLED_AFTER_CLOSE"::equals)
                .count(), "the orders held at the close and not paid since gave their units to the shop, not the sale");
    }
}
