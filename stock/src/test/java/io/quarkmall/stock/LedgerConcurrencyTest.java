package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.StockOperations.newWarehouse;
import static io.quarkmall.stock.StockOperations.post;
import static io.quarkmall.stock.StockOperations.receive;
import static io.quarkmall.stock.StockOperations.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stock.domain.ReservePolicy;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockMovement;
import io.quarkmall.stock.domain.StockMovement.Kind;
import io.quarkmall.stock.domain.StockTransfer;
import io.quarkmall.stock.domain.WarehouseStock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Receipts, transfers and reservations racing on one SKU lose nothing: whatever interleaving the
 * threads take, the units counted at the end are exactly those received, each transfer either moved
 * its unit whole or was refused before it held anything, and the units held are exactly those the
 * successful reservations hold, never more than exist.
 */
@QuarkusTest
class LedgerConcurrencyTest {

    private static final int RECEIPTS = 40;
    private static final int TRANSFERS = 40;
    private static final int ORDERS = 150;

    @Test
    void parallel_receipts_transfers_and_reservations_on_one_sku_lose_no_unit() throws Exception {
        String sku = stocked("RACE", 60);
        String warehouse = newWarehouse();
        // At most 12 digits: a longer id can look like a card number to the PCI scan, which reads every database.
        long firstOrder = SagaEvents.newOrderId() % 1_000_000_000L * 1000;

        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < RECEIPTS; i++) {
            tasks.add(() -> receive("merchant", sku, warehouse, 1).extract().statusCode() == 201 ? "received" : "lost");
        }
        for (int i = 0; i < TRANSFERS; i++) {
            tasks.add(() -> moveOne(sku, warehouse));
        }
        for (int i = 0; i < ORDERS; i++) {
            long orderId = firstOrder + i;
            tasks.add(() -> StockOperations.reserve(orderId, sku, 1) instanceof ReservePolicy.Hold ? "held" : "rejected");
        }
        List<String> outcomes = runTogether(tasks);

        long transferred = count(outcomes, "transferred");
        long held = count(outcomes, "held");
        assertEquals(RECEIPTS, count(outcomes, "received"));
        assertEquals(TRANSFERS, transferred + count(outcomes, "refused"), outcomes.toString());
        assertEquals(ORDERS, held + count(outcomes, "rejected"));
        assertTrue(held <= 100, "never more held than exist: " + held);
        System.out.printf("[ledger race] %d receipts, %d of %d transfers moved, %d of %d orders held%n", RECEIPTS,
                transferred, TRANSFERS, held, ORDERS);

        var stocks = QuarkusTransaction.requiringNew().call(() -> WarehouseStock.of(sku));
        assertEquals(60 - transferred, onHandIn(stocks, "DEFAULT"));
        assertEquals(RECEIPTS + transferred, onHandIn(stocks, warehouse));
        assertEquals(held, stocks.stream().mapToLong(WarehouseStock::reserved).sum());
        assertEquals(0, stocks.stream().mapToLong(WarehouseStock::inbound).sum(), "nothing left in transit");
        StockLevel level = QuarkusTransaction.requiringNew().call(() -> StockLevel.<StockLevel>findById(sku));
        assertEquals(60 + RECEIPTS, level.onHand());
        assertEquals(held, level.reserved());
        assertEquals(RECEIPTS, movements(sku, Kind.RECEIPT));
        assertEquals(transferred, movements(sku, Kind.TRANSFER_OUT));
        assertEquals(transferred, movements(sku, Kind.TRANSFER_IN));
        assertEquals(transferred, QuarkusTransaction.requiringNew().call(() -> StockTransfer.count("sku = ?1 and status = ?2",
                sku, StockTransfer.Status.RECEIVED)));
    }

    /** Requests, dispatches and receives one unit from DEFAULT; "refused" if DEFAULT had none available. */
    private static String moveOne(String sku, String warehouse) {
        var requested = transfer("merchant", sku, "DEFAULT", warehouse, 1).extract();
        if (requested.statusCode() == 409) {
            return "refused";
        }
        long id = requested.jsonPath().getLong("id");
        boolean dispatched = post("merchant", "/transfers/" + id + "/dispatch", null).extract().statusCode() == 200;
        boolean received = post("merchant", "/transfers/" + id + "/receive", null).extract().statusCode() == 200;
        return dispatched && received ? "transferred" : "stuck " + id;
    }

    private static List<String> runTogether(List<Callable<String>> tasks) throws Exception {
        var pool = Executors.newFixedThreadPool(32);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<String>>();
        for (var task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        var outcomes = new ArrayList<String>();
        for (var future : futures) {
            outcomes.add(future.get());
        }
        pool.shutdown();
        return outcomes;
    }

    private static long count(List<String> outcomes, String outcome) {
        return outcomes.stream().filter(outcome::equals).count();
    }

    private static long onHandIn(List<WarehouseStock> stocks, String warehouse) {
        return stocks.stream().filter(s -> s.warehouseCode().equals(warehouse)).mapToLong(WarehouseStock::onHand).sum();
    }

    private static long movements(String sku, Kind kind) {
        return QuarkusTransaction.requiringNew().call(() -> StockMovement.count("sku = ?1 and kind = ?2", sku, kind));
    }
}
