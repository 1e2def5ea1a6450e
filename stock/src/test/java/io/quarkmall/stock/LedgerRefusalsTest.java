package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.drafted;
import static io.quarkmall.stock.CatalogAnnouncements.newSku;
import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.StockOperations.get;
import static io.quarkmall.stock.StockOperations.levelIn;
import static io.quarkmall.stock.StockOperations.newWarehouse;
import static io.quarkmall.stock.StockOperations.post;
import static io.quarkmall.stock.StockOperations.put;
import static io.quarkmall.stock.StockOperations.receive;
import static io.quarkmall.stock.StockOperations.requested;
import static io.quarkmall.stock.StockOperations.transfer;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the ledger is a clear 4xx problem+json and changes nothing; a merchant cannot see or
 * move another merchant's stock (404, as if it did not exist).
 */
@QuarkusTest
class LedgerRefusalsTest {

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json");
    }

    @Test
    void zero_or_negative_quantities_are_a_400_and_change_nothing() {
        String sku = stocked("BAD-QTY", 5);
        String warehouse = newWarehouse();

        problem(receive("merchant", sku, warehouse, 0), 400);
        problem(receive("merchant", sku, warehouse, -3), 400);
        problem(transfer("merchant", sku, "DEFAULT", warehouse, 0), 400);
        problem(transfer("merchant", sku, "DEFAULT", warehouse, -1), 400);
        problem(put("merchant", "/levels/{sku}/{warehouse}", Map.of("onHand", -1), sku, warehouse), 400);
        problem(put("merchant", "/thresholds/{sku}/DEFAULT", Map.of("threshold", -1), sku), 400);
        problem(post("merchant", "/receipts", Map.of("sku", sku, "warehouse", warehouse, "quantity", 1.5)), 400);

        assertUnchanged(sku, warehouse);
    }

    @Test
    void an_unknown_sku_or_warehouse_is_a_404_and_changes_nothing() {
        String sku = stocked("UNKNOWN", 5);
        String warehouse = newWarehouse();
        String never = newSku("NEVER");

        problem(receive("merchant", never, warehouse, 1), 404);
        problem(receive("merchant", sku, "NO-SUCH-WH", 1), 404);
        problem(transfer("merchant", sku, "NO-SUCH-WH", warehouse, 1), 404);
        problem(transfer("merchant", sku, "DEFAULT", "NO-SUCH-WH", 1), 404);
        problem(transfer("merchant", never, "DEFAULT", warehouse, 1), 404);
        problem(put("merchant", "/levels/{sku}/NO-SUCH-WH", Map.of("onHand", 1), sku), 404);
        problem(put("merchant", "/thresholds/{sku}/NO-SUCH-WH", Map.of("threshold", 1), sku), 404);
        problem(get("merchant", "/levels/{sku}", never), 404);
        problem(get("merchant", "/movements?sku={sku}", never), 404);
        problem(post("merchant", "/transfers/987654321987/dispatch", null), 404);
        problem(get("merchant", "/transfers/987654321987"), 404);

        assertUnchanged(sku, warehouse);
    }

    @Test
    void a_transfer_of_more_than_is_available_or_to_its_own_source_is_refused_and_changes_nothing() {
        String sku = stocked("TOO-MANY", 5);
        String warehouse = newWarehouse();

        problem(transfer("merchant", sku, "DEFAULT", warehouse, 6), 409);
        transfer("merchant", sku, "DEFAULT", warehouse, 6)
                .body("type", equalTo("https://quarkmall.io/problems/not-enough-stock"));
        problem(transfer("merchant", sku, "DEFAULT", "DEFAULT", 1), 400);
        problem(transfer("merchant", sku, warehouse, "DEFAULT", 1), 409);   // nothing there

        assertUnchanged(sku, warehouse);
    }

    @Test
    void a_count_below_what_is_held_is_a_409_and_changes_nothing() {
        String sku = stocked("HELD", 5);
        String warehouse = newWarehouse();
        requested(sku, "DEFAULT", warehouse, 4);

        problem(put("merchant", "/stock/{sku}", Map.of("onHand", 3), sku), 409);
        put("merchant", "/stock/{sku}", Map.of("onHand", 3), sku)
                .body("type", equalTo("https://quarkmall.io/problems/below-reserved"));
        assertEquals(List.of(5L, 4L, 1L, 0L), levelIn(sku, "DEFAULT"));
        get("merchant", "/movements?sku={sku}", sku).statusCode(200).body("", hasSize(1));
    }

    @Test
    void a_merchant_can_neither_see_nor_move_a_rivals_stock() {
        String sku = newSku("RIVAL");
        drafted("rival-" + UUID.randomUUID(), sku);
        put("admin", "/stock/{sku}", Map.of("onHand", 9), sku).statusCode(200);
        String warehouse = newWarehouse();
        long theirs = StockOperations.post("admin", "/transfers", Map.of("sku", sku, "from", "DEFAULT", "to", warehouse,
                "quantity", 2)).statusCode(201).extract().jsonPath().getLong("id");
        put("admin", "/thresholds/{sku}/DEFAULT", Map.of("threshold", 8), sku).statusCode(200); // 7 available: alerts

        problem(get("merchant", "/levels/{sku}", sku), 404);
        problem(get("merchant", "/movements?sku={sku}", sku), 404);
        problem(receive("merchant", sku, warehouse, 1), 404);
        problem(transfer("merchant", sku, "DEFAULT", warehouse, 1), 404);
        problem(put("merchant", "/levels/{sku}/DEFAULT", Map.of("onHand", 1), sku), 404);
        problem(put("merchant", "/thresholds/{sku}/DEFAULT", Map.of("threshold", 1), sku), 404);
        problem(get("merchant", "/transfers/{id}", theirs), 404);
        problem(post("merchant", "/transfers/" + theirs + "/dispatch", null), 404);
        problem(post("merchant", "/transfers/" + theirs + "/cancel", null), 404);
        get("merchant", "/transfers?sku={sku}", sku).statusCode(200).body("", empty());
        get("merchant", "/alerts?sku={sku}", sku).statusCode(200).body("", empty());
        get("admin", "/alerts?sku={sku}", sku).statusCode(200).body("", hasSize(1));
        get("admin", "/transfers/{id}", theirs).statusCode(200).body("status", equalTo("REQUESTED"));
        get("merchant", "/transfers").statusCode(200).body("sku", not(hasItem(sku)));

        problem(receive("shopper", sku, warehouse, 1), 403);
        problem(get("shopper", "/alerts"), 403);
    }

    /** Nothing moved: the count that stocked the SKU is its only movement, and it has no transfer. */
    private static void assertUnchanged(String sku, String warehouse) {
        assertEquals(List.of(5L, 0L, 5L, 0L), levelIn(sku, "DEFAULT"));
        assertEquals(List.of(0L, 0L, 0L, 0L), levelIn(sku, warehouse));
        get("merchant", "/movements?sku={sku}", sku).statusCode(200).body("", hasSize(1));
        get("merchant", "/transfers?sku={sku}", sku).statusCode(200).body("", empty());
        get("merchant", "/stock/{sku}", sku).statusCode(200).body("onHand", equalTo(5));
    }
}
