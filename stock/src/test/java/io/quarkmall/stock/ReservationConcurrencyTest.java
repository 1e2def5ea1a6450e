package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stock.domain.ReservePolicy;
import io.quarkmall.stock.domain.ReservePolicy.Line;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockReservation;
import io.quarkmall.stock.service.ReservationService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReservationConcurrencyTest {

    @Inject
    ReservationService reservations;

    private static long orderBase() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 1000;
    }

    private static StockLevel level(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> StockLevel.<StockLevel>findById(sku));
    }

    @Test
    void two_hundred_orders_racing_for_fifty_units_hold_exactly_fifty() throws Exception {
        String sku = stocked("FLASH", 50);
        long base = orderBase();
        int orders = 200;
        var pool = Executors.newFixedThreadPool(64);
        var start = new CountDownLatch(1);
        var decisions = new ArrayList<Future<ReservePolicy.Decision>>();
        for (int i = 0; i < orders; i++) {
            long orderId = base + i;
            decisions.add(pool.submit(() -> {
                start.await();
                return QuarkusTransaction.requiringNew().call(() -> reservations.reserve(orderId, List.of(new Line(sku, 1))));
            }));
        }
        start.countDown();
        int held = 0;
        for (var d : decisions) {
            held += d.get() instanceof ReservePolicy.Hold ? 1 : 0;
        }
        pool.shutdown();

        assertEquals(50, held);
        StockLevel after = level(sku);
        assertEquals(50, after.reserved());
        assertEquals(0, after.available());
        long reservedRows = QuarkusTransaction.requiringNew().call(() -> StockReservation.count("sku", sku));
        assertEquals(50, reservedRows);
        assertEquals(50, outboxEvents("StockReserved", base, orders));
        assertEquals(150, outboxEvents("StockRejected", base, orders));
    }

    @Test
    void payment_takes_held_units_from_stock_and_cancellation_gives_them_back() {
        String sku = stocked("SKU", 10);
        long paid = orderBase();
        long cancelled = paid + 1;
        QuarkusTransaction.requiringNew().run(() -> reservations.reserve(paid, List.of(new Line(sku, 3))));
        QuarkusTransaction.requiringNew().run(() -> reservations.reserve(cancelled, List.of(new Line(sku, 4))));
        assertEquals(3, level(sku).available());

        QuarkusTransaction.requiringNew().run(() -> reservations.confirm(paid));
        QuarkusTransaction.requiringNew().run(() -> reservations.release(cancelled));
        QuarkusTransaction.requiringNew().run(() -> reservations.release(cancelled)); // again: nothing left to release

        StockLevel after = level(sku);
        assertEquals(7, after.onHand());
        assertEquals(0, after.reserved());
        assertEquals(1, outboxEvents("StockReleased", cancelled, 1));
    }

    @Test
    void an_order_is_held_whole_or_not_at_all() {
        String plenty = stocked("SKU", 100);
        String scarce = stocked("SKU", 1);
        long order = orderBase();
        var decision = QuarkusTransaction.requiringNew().call(() -> reservations.reserve(order,
                List.of(new Line(plenty, 5), new Line(scarce, 2))));
        assertEquals(new ReservePolicy.Reject(scarce, 2, 1), decision);
        assertEquals(100, level(plenty).available(), "nothing held of the line that was available");
    }

    private static long outboxEvents(String type, long firstOrder, int orders) {
        List<String> keys = java.util.stream.LongStream.range(firstOrder, firstOrder + orders)
                .mapToObj(Long::toString).toList();
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "envelope like ?1 and recordKey in ?2", "%\"type\":\"" + type + "\"%", keys));
    }
}
