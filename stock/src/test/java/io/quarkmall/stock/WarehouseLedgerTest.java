package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.StockOperations.get;
import static io.quarkmall.stock.StockOperations.levelIn;
import static io.quarkmall.stock.StockOperations.newWarehouse;
import static io.quarkmall.stock.StockOperations.post;
import static io.quarkmall.stock.StockOperations.put;
import static io.quarkmall.stock.StockOperations.receive;
import static io.quarkmall.stock.StockOperations.requested;
import static io.quarkmall.stock.StockOperations.reserve;
import static io.quarkmall.stock.StockOperations.transfer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.ReservePolicy;
import io.quarkmall.stock.service.ReservationService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stock in several warehouses through the API: receipts, counts, transfers and the checkout saga
 * each leave a movement, and what is in transit is sellable nowhere until it is received.
 */
@QuarkusTest
class WarehouseLedgerTest {

    @Inject
    ReservationService reservations;

    @Test
    void a_receipt_puts_units_on_a_warehouse_shelf_and_is_recorded_as_a_movement() {
        String sku = stocked("RECEIPT", 10);
        String warehouse = newWarehouse();

        receive("merchant", sku, warehouse, 7).statusCode(201)
                .body("kind", equalTo("RECEIPT")).body("quantity", equalTo(7)).body("warehouse", equalTo(warehouse));

        assertEquals(List.of(10L, 0L, 10L, 0L), levelIn(sku, "DEFAULT"));
        assertEquals(List.of(7L, 0L, 7L, 0L), levelIn(sku, warehouse));
        get("merchant", "/stock/{sku}", sku).statusCode(200).body("onHand", equalTo(17)).body("available", equalTo(17));
        get("merchant", "/movements?sku={sku}", sku).statusCode(200)
                .body("kind", contains("RECEIPT", "ADJUSTMENT")).body("quantity", contains(7, 10));
        get("merchant", "/movements?sku={sku}&kind=RECEIPT", sku).statusCode(200).body("quantity", contains(7));
    }

    @Test
    void a_stock_count_records_the_difference_as_an_adjustment() {
        String sku = stocked("COUNT", 10);
        String warehouse = newWarehouse();

        put("merchant", "/stock/{sku}", Map.of("onHand", 6), sku).statusCode(200).body("onHand", equalTo(6));
        put("merchant", "/stock/{sku}", Map.of("onHand", 6), sku).statusCode(200);     // agrees: no movement
        put("merchant", "/levels/{sku}/{warehouse}", Map.of("onHand", 3), sku, warehouse).statusCode(200)
                .body("onHand", equalTo(3)).body("warehouse", equalTo(warehouse));

        get("merchant", "/movements?sku={sku}", sku).statusCode(200)
                .body("kind", contains("ADJUSTMENT", "ADJUSTMENT", "ADJUSTMENT"))
                .body("quantity", contains(3, -4, 10)).body("warehouse", contains(warehouse, "DEFAULT", "DEFAULT"))
                .body("[0].reason", equalTo("stock count"));
        get("merchant", "/stock/{sku}", sku).statusCode(200).body("onHand", equalTo(9));
    }

    @Test
    void an_in_transit_transfer_is_sellable_nowhere_and_arrives_whole() {
        String sku = stocked("TRANSIT", 5);
        String warehouse = newWarehouse();
        long order = SagaEvents.newOrderId();

        long id = requested(sku, "DEFAULT", warehouse, 5);
        assertEquals(List.of(5L, 5L, 0L, 0L), levelIn(sku, "DEFAULT"), "held at the source once requested");
        assertInstanceOf(ReservePolicy.Reject.class, reserve(order, sku, 1));

        post("merchant", "/transfers/" + id + "/dispatch", null).statusCode(200).body("status", equalTo("IN_TRANSIT"));
        assertEquals(List.of(0L, 0L, 0L, 0L), levelIn(sku, "DEFAULT"));
        assertEquals(List.of(0L, 0L, 0L, 5L), levelIn(sku, warehouse), "inbound, not on the shelf");
        get("merchant", "/stock/{sku}", sku).statusCode(200).body("onHand", equalTo(0)).body("available", equalTo(0));
        get("shopper", "/availability?sku={sku}", sku).statusCode(200).body("[0].state", equalTo("OUT_OF_STOCK"));
        assertInstanceOf(ReservePolicy.Reject.class, reserve(order + 1, sku, 1));

        post("merchant", "/transfers/" + id + "/receive", null).statusCode(200).body("status", equalTo("RECEIVED"));
        assertEquals(List.of(5L, 0L, 5L, 0L), levelIn(sku, warehouse));
        get("shopper", "/availability?sku={sku}", sku).statusCode(200).body("[0].fewLeft", equalTo(5));
        get("merchant", "/movements?sku={sku}", sku).statusCode(200)
                .body("kind", contains("TRANSFER_IN", "TRANSFER_OUT", "ADJUSTMENT"))
                .body("quantity", contains(5, -5, 5)).body("[0].reference", equalTo("transfer:" + id));

        assertInstanceOf(ReservePolicy.Hold.class, reserve(order + 2, sku, 2));
        assertEquals(List.of(5L, 2L, 3L, 0L), levelIn(sku, warehouse), "held where the units now are");
        QuarkusTransaction.requiringNew().run(() -> reservations.confirm(order + 2));
        assertEquals(List.of(3L, 0L, 3L, 0L), levelIn(sku, warehouse));
        get("merchant", "/movements?sku={sku}&kind=SALE", sku).statusCode(200)
                .body("quantity", contains(-2)).body("warehouse", contains(warehouse))
                .body("[0].reference", equalTo("order:" + (order + 2)));
    }

    @Test
    void an_order_larger_than_any_warehouse_is_held_across_them_and_given_back_where_it_came_from() {
        String sku = stocked("SPLIT", 4);
        String warehouse = newWarehouse();
        receive("merchant", sku, warehouse, 6).statusCode(201);
        long order = SagaEvents.newOrderId();

        assertInstanceOf(ReservePolicy.Hold.class, reserve(order, sku, 8));
        assertEquals(List.of(6L, 6L, 0L, 0L), levelIn(sku, warehouse), "the warehouse with most stock first");
        assertEquals(List.of(4L, 2L, 2L, 0L), levelIn(sku, "DEFAULT"));

        QuarkusTransaction.requiringNew().run(() -> reservations.confirm(order));
        QuarkusTransaction.requiringNew().run(() -> reservations.release(order)); // paid, cancelled before shipping
        assertEquals(List.of(6L, 0L, 6L, 0L), levelIn(sku, warehouse));
        assertEquals(List.of(4L, 0L, 4L, 0L), levelIn(sku, "DEFAULT"));
        get("merchant", "/movements?sku={sku}&kind=RETURN_TO_STOCK", sku).statusCode(200).body("quantity", contains(6, 2));
    }

    @Test
    void a_cancelled_transfer_gives_its_units_back_and_a_dispatched_one_cannot_be_cancelled() {
        String sku = stocked("CANCEL", 8);
        String warehouse = newWarehouse();

        long cancelled = requested(sku, "DEFAULT", warehouse, 3);
        post("merchant", "/transfers/" + cancelled + "/cancel", null).statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(List.of(8L, 0L, 8L, 0L), levelIn(sku, "DEFAULT"));
        post("merchant", "/transfers/" + cancelled + "/dispatch", null).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/transfer-not-requested"));

        long dispatched = requested(sku, "DEFAULT", warehouse, 2);
        post("merchant", "/transfers/" + dispatched + "/receive", null).statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/transfer-not-in-transit"));
        post("merchant", "/transfers/" + dispatched + "/dispatch", null).statusCode(200);
        post("merchant", "/transfers/" + dispatched + "/cancel", null).statusCode(409);
        get("merchant", "/transfers/{id}", dispatched).statusCode(200).body("status", equalTo("IN_TRANSIT"))
                .body("from", equalTo("DEFAULT")).body("to", equalTo(warehouse)).body("quantity", equalTo(2));
        get("merchant", "/transfers?sku={sku}", sku).statusCode(200).body("status", contains("IN_TRANSIT", "CANCELLED"));
        assertEquals(List.of(6L, 0L, 6L, 0L), levelIn(sku, "DEFAULT"));
    }

    @Test
    void falling_to_the_threshold_alerts_once_per_crossing() {
        String sku = stocked("LOW", 10);
        put("merchant", "/thresholds/{sku}/DEFAULT", Map.of("threshold", 3), sku).statusCode(200)
                .body("lowStockThreshold", equalTo(3));

        put("merchant", "/stock/{sku}", Map.of("onHand", 3), sku).statusCode(200);   // crosses
        put("merchant", "/stock/{sku}", Map.of("onHand", 2), sku).statusCode(200);   // still low: no new alert
        put("merchant", "/stock/{sku}", Map.of("onHand", 9), sku).statusCode(200);   // above again: re-armed
        assertInstanceOf(ReservePolicy.Hold.class, reserve(SagaEvents.newOrderId(), sku, 7)); // crosses again

        get("merchant", "/alerts?sku={sku}", sku).statusCode(200).body("available", contains(2, 3))
                .body("threshold", contains(3, 3)).body("warehouse", contains("DEFAULT", "DEFAULT"));
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and envelope like ?2", sku, "%\"StockLow\"%")));

        // without a threshold nothing alerts
        given().auth().oauth2(Tokens.of("merchant")).when().delete("/thresholds/{sku}/DEFAULT", sku).then()
                .statusCode(204);
        put("merchant", "/stock/{sku}", Map.of("onHand", 20), sku).statusCode(200);
        put("merchant", "/stock/{sku}", Map.of("onHand", 7), sku).statusCode(200);
        get("merchant", "/alerts?sku={sku}", sku).statusCode(200).body("available", contains(2, 3));
    }

    @Test
    void warehouses_are_opened_by_an_admin_with_a_code_of_their_own() {
        String code = newWarehouse();
        get("merchant", "/warehouses").statusCode(200).body("code", hasItem("DEFAULT")).body("code", hasItem(code));
        post("admin", "/warehouses", Map.of("code", code, "name", "Again", "region", "CN", "latitude", 0, "longitude", 0))
                .statusCode(409).body("type", equalTo("https://quarkmall.io/problems/warehouse-exists"));
        post("admin", "/warehouses", Map.of("code", "bad code", "name", "X", "region", "CN", "latitude", 0,
                "longitude", 0)).statusCode(400).contentType("application/problem+json");
        post("admin", "/warehouses", Map.of("code", "FAR", "name", "X", "region", "CN", "latitude", 91,
                "longitude", 0)).statusCode(400);
        post("merchant", "/warehouses", Map.of("code", "MINE", "name", "X", "region", "CN", "latitude", 0,
                "longitude", 0)).statusCode(403);
    }
}
