package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.StockOperations.get;
import static io.quarkmall.stock.StockOperations.levelIn;
import static io.quarkmall.stock.StockOperations.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stock.domain.StockMovement;
import io.quarkmall.stock.domain.StockMovement.Entry;
import io.quarkmall.stock.domain.Warehouse;
import io.quarkmall.stock.domain.WarehouseStock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Returned units in quarantine, inspected: released onto the shelf (sellable again) or written off,
 * each a movement, never more than is quarantined, even asked at once by many; refused with nothing
 * changed for a bad decision, another merchant's SKU or an unknown warehouse. StockLedgerCheck then
 * finds on hand and quarantined equal to their movements.
 */
@QuarkusTest
class QuarantineDecisionsTest {

    private static String quarantinedSku(long units) {
        String sku = stocked("QUAR", 2);
        QuarkusTransaction.requiringNew().run(() -> WarehouseStock.lockOrOpen(sku, Warehouse.DEFAULT, Instant.now())
                .quarantine(units, new Entry("returned by the shopper, in quarantine", "order:1:after-sales:1", "order-saga"),
                        Instant.now()).persist());
        return sku;
    }

    private static ValidatableResponse decide(String user, String sku, String warehouse, Object body) {
        return post(user, "/levels/" + sku + "/" + warehouse + "/quarantine-decisions", body);
    }

    private static long quarantined(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> WarehouseStock.of(sku, Warehouse.DEFAULT).orElseThrow().quarantined());
    }

    @Test
    void inspected_units_are_released_onto_the_shelf_or_written_off_each_as_a_movement() {
        String sku = quarantinedSku(5);
        decide("merchant", sku, Warehouse.DEFAULT, Map.of("outcome", "RELEASE", "units", 2, "note", "  repacked  "))
                .statusCode(200).body("onHand", equalTo(4)).body("available", equalTo(4)).body("quarantined", equalTo(3));
        decide("admin", sku, Warehouse.DEFAULT, Map.of("outcome", "WRITE_OFF", "units", 1, "note", "screen cracked"))
                .statusCode(200).body("onHand", equalTo(4)).body("quarantined", equalTo(2));
        assertEquals(List.of(4L, 0L, 4L, 0L), levelIn(sku, Warehouse.DEFAULT));

        var movements = QuarkusTransaction.requiringNew().call(() -> StockMovement.pageOf(sku, null, 0, 2).stream()
                .map(m -> m.kind() + " " + m.quantity() + " " + m.reason()).toList());
        assertEquals(List.of("QUARANTINE_WRITTEN_OFF -1 written off from quarantine: screen cracked",
                "QUARANTINE_RELEASED 2 released from quarantine: repacked"), movements);
    }

    @Test
    void bad_decisions_are_refused_and_change_nothing() {
        String sku = quarantinedSku(2);
        String path = "https://quarkmall.io/problems/";
        decide("merchant", sku, Warehouse.DEFAULT, Map.of("outcome", "RELEASE", "units", 3)).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(path + "not-in-quarantine"));
        decide("merchant", sku, Warehouse.DEFAULT, Map.of("outcome", "RELEASE", "units", 0)).statusCode(400);
        decide("merchant", sku, Warehouse.DEFAULT, Map.of("outcome", "SELL", "units", 1)).statusCode(400)
                .contentType("application/problem+json");
        decide("merchant", sku, Warehouse.DEFAULT, Map.of("units", 1)).statusCode(400);
        decide("merchant", sku, Warehouse.DEFAULT, Map.of("outcome", "RELEASE", "units", 1, "note", "x".repeat(171)))
                .statusCode(400);
        decide("merchant", sku, "NOWHERE", Map.of("outcome", "RELEASE", "units", 1)).statusCode(404);
        decide("merchant", "NO-SUCH-SKU", Warehouse.DEFAULT, Map.of("outcome", "RELEASE", "units", 1)).statusCode(404);
        decide("shopper", sku, Warehouse.DEFAULT, Map.of("outcome", "RELEASE", "units", 1)).statusCode(403);
        String others = CatalogAnnouncements.newSku("QUAR-OTHER");
        CatalogAnnouncements.drafted("another-merchant", others);
        decide("merchant", others, Warehouse.DEFAULT, Map.of("outcome", "RELEASE", "units", 1)).statusCode(404);

        assertEquals(2, quarantined(sku));
        assertEquals(List.of(2L, 0L, 2L, 0L), levelIn(sku, Warehouse.DEFAULT));
    }

    @Test
    void units_awaiting_inspection_are_listed_for_their_merchant_and_the_admin_alone() {
        String mine = quarantinedSku(3);
        String theirs = CatalogAnnouncements.newSku("QUAR-THEIRS");
        CatalogAnnouncements.drafted("another-merchant", theirs);
        QuarkusTransaction.requiringNew().run(() -> WarehouseStock.lockOrOpen(theirs, Warehouse.DEFAULT, Instant.now())
                .quarantine(2, new Entry("returned by the shopper, in quarantine", "order:2:after-sales:2", "order-saga"),
                        Instant.now()).persist());

        get("merchant", "/quarantine").statusCode(200).body("sku", hasItem(mine)).body("sku", not(hasItem(theirs)))
                .body("find { it.sku == '" + mine + "' }.quarantined", equalTo(3))
                .body("find { it.sku == '" + mine + "' }.warehouse", equalTo(Warehouse.DEFAULT));
        get("admin", "/quarantine").statusCode(200).body("sku", hasItems(mine, theirs));
        get("shopper", "/quarantine").statusCode(403);

        decide("merchant", mine, Warehouse.DEFAULT, Map.of("outcome", "WRITE_OFF", "units", 3)).statusCode(200);
        get("merchant", "/quarantine").statusCode(200).body("sku", not(hasItem(mine)));
    }

    @Test
    void twenty_operators_at_once_never_take_more_than_is_quarantined() throws Exception {
        String sku = quarantinedSku(7);
        var pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> asks = IntStream.range(0, 20).<Callable<Integer>>mapToObj(i -> () ->
                    decide(i % 2 == 0 ? "merchant" : "admin", sku, Warehouse.DEFAULT,
                            Map.of("outcome", i % 3 == 0 ? "WRITE_OFF" : "RELEASE", "units", 1)).extract().statusCode())
                    .toList();
            long accepted = 0;
            for (Future<Integer> answer : pool.invokeAll(asks)) {
                int status = answer.get();
                assertTrue(status == 200 || status == 409, "200 or not-in-quarantine, never " + status);
                accepted += status == 200 ? 1 : 0;
            }
            assertEquals(7, accepted, "each quarantined unit decided once");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, quarantined(sku));
    }
}
