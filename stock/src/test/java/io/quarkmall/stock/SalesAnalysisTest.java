package io.quarkmall.stock;

import static io.quarkmall.stock.StockOperations.get;
import static io.quarkmall.stock.StockOperations.newWarehouse;
import static io.quarkmall.stock.StockOperations.post;
import static io.quarkmall.stock.StockOperations.requested;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.money.Money;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stock.domain.SkuSale;
import io.quarkmall.stock.domain.analysis.AbcPolicy;
import io.quarkmall.stock.domain.analysis.DailySales;
import io.quarkmall.stock.domain.analysis.DemandForecast;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Position;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Terms;
import io.quarkmall.stock.domain.analysis.SalesSeries;
import io.quarkmall.stock.domain.analysis.ServiceLevel;
import io.quarkmall.stock.domain.analysis.XyzPolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sales history stock keeps from paid orders, and what the analysis endpoints read from it,
 * checked against the pure policies. Orders reach stock as order.v1 events on its test topic, paid
 * on the days their events say; the forecast's sixty days of history are written to the table
 * directly, as sixty days of events would have.
 */
@QuarkusTest
class SalesAnalysisTest {

    private static final String ORDERS = "test.stock.order.v1";
    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");
    private static final double EXACT = 1e-9;

    private static LocalDate today() {
        return LocalDate.now(MALL);
    }

    /** Noon of a day in the mall's zone. */
    private static Instant noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(MALL).toInstant();
    }

    private static void publishAt(String type, long orderId, String payload, Instant occurredAt) {
        SagaEvents.send(ORDERS, orderId, """
                {"eventId":"%s","type":"%s","occurredAt":"%s","aggregateId":"%d","payload":%s}"""
                .formatted(UUID.randomUUID(), type, occurredAt, orderId, payload));
    }

    private static String line(String sku, long quantity, long unitPriceMinor) {
        return "{\"sku\":\"%s\",\"quantity\":%d,\"unitPrice\":{\"amountMinor\":%d,\"currency\":\"CNY\"}}"
                .formatted(sku, quantity, unitPriceMinor);
    }

    /** An order placed and paid on a day, through the saga (its OrderPaid delivered twice); its id. */
    private static long paidOn(LocalDate day, String sku, long quantity, long unitPriceMinor) {
        long orderId = SagaEvents.newOrderId();
        String lines = "[" + line(sku, quantity, unitPriceMinor) + "]";
        String total = "{\"amountMinor\":%d,\"currency\":\"CNY\"}".formatted(quantity * unitPriceMinor);
        publishAt("OrderPlaced", orderId, """
                {"orderId":%d,"shopperId":"s","lines":%s,"total":%s,"subtotal":%s}""".formatted(orderId, lines, total, total),
                noonOf(day).minusSeconds(60));
        String paid = """
                {"eventId":"%s","type":"OrderPaid","occurredAt":"%s","aggregateId":"%d","payload":
                {"orderId":%d,"shopperId":"s","total":%s,"lines":%s}}"""
                .formatted(UUID.randomUUID(), noonOf(day), orderId, orderId, total, lines);
        SagaEvents.send(ORDERS, orderId, paid);
        SagaEvents.send(ORDERS, orderId, paid); // redelivered: counted once
        return orderId;
    }

    /** Waits until stock has applied every event sent so far on the order's partition. */
    private static void awaitHandled(long orderId) {
        UUID marker = UUID.randomUUID();
        long nobody = SagaEvents.newOrderId();
        SagaEvents.send(ORDERS, orderId, """
                {"eventId":"%s","type":"OrderPaid","occurredAt":"%s","aggregateId":"%d","payload":{"orderId":%d,"shopperId":"s"}}"""
                .formatted(marker, Instant.now(), orderId, nobody));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ((Number) SkuSale.getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM inbox_event WHERE consumer = 'stock.orders' AND event_id = ?1")
                        .setParameter(1, marker).getSingleResult()).longValue() == 1));
    }

    /** Test setup: a day's sales of the SKU written straight into the history, as a paid order would. */
    private static void soldOn(String sku, LocalDate day, long units, long unitPriceMinor) {
        QuarkusTransaction.requiringNew().run(() -> SkuSale.getEntityManager().createNativeQuery("""
                        INSERT INTO sku_sale (order_id, sku, sold_on, units, revenue_minor, currency, paid_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, 'CNY', ?6)""")
                .setParameter(1, SagaEvents.newOrderId()).setParameter(2, sku).setParameter(3, day)
                .setParameter(4, units).setParameter(5, units * unitPriceMinor).setParameter(6, noonOf(day))
                .executeUpdate());
    }

    private static Map<LocalDate, List<Long>> recordedSales(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<LocalDate, List<Long>> days = new LinkedHashMap<>();
            SkuSale.<SkuSale>list("sku = ?1 and restockedAt is null order by soldOn", sku).forEach(sale ->
                    days.merge(sale.soldOn(), List.of(sale.units(), sale.revenue().amountMinor()),
                            (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1))));
            return days;
        });
    }

    private static Map<String, Object> ranked(String user, String sku) {
        return get(user, "/analysis/abc?days=14").statusCode(200).extract().jsonPath()
                .getMap("find { it.sku == '" + sku + "' }");
    }

    @Test
    void paid_orders_count_once_on_the_day_they_were_paid_at_their_prices_and_a_restocked_one_no_longer_counts() {
        String sku = CatalogAnnouncements.stocked("SOLD", 100);
        LocalDate today = today();
        List<Long> orders = new ArrayList<>(List.of(paidOn(today.minusDays(3), sku, 2, 1000),
                paidOn(today.minusDays(3), sku, 1, 1000), paidOn(today.minusDays(2), sku, 4, 900),
                paidOn(today, sku, 5, 1000)));
        long cancelled = paidOn(today.minusDays(1), sku, 3, 1000);
        publishAt("OrderCancelled", cancelled, """
                {"orderId":%d,"shopperId":"s","reason":"SHOPPER_CANCELLED",
                 "compensation":{"stock":"RESTOCK","refund":{"amountMinor":3000,"currency":"CNY"}}}""".formatted(cancelled),
                Instant.now());
        orders.add(cancelled);
        orders.forEach(SalesAnalysisTest::awaitHandled); // each order has its own partition's queue

        assertEquals(Map.of(today.minusDays(3), List.of(3L, 3000L), today.minusDays(2), List.of(4L, 3600L),
                today, List.of(5L, 5000L)), recordedSales(sku));
        get("admin", "/stock/{sku}", sku).statusCode(200).body("onHand", equalTo(100 - 3 - 4 - 5));

        // the last whole days end yesterday: today's sale is not in them, the restocked order never was
        Map<String, Object> row = ranked("merchant", sku);
        assertEquals(7, ((Number) row.get("units")).longValue());
        assertEquals(Map.of("amountMinor", 6600, "currency", "CNY"), row.get("revenue"));
    }

    @Test
    void units_shoppers_returned_no_longer_count_as_sold_nor_does_a_sale_returned_whole() {
        String sku = CatalogAnnouncements.stocked("RETURNED", 50);
        LocalDate today = today();
        long kept = paidOn(today.minusDays(3), sku, 4, 900);
        long returned = paidOn(today.minusDays(2), sku, 2, 1000);
        awaitHandled(kept);
        awaitHandled(returned);
        for (var back : List.of(List.of(kept, 91L, 1L, "SELLABLE"), List.of(returned, 92L, 2L, "QUARANTINE"))) {
            publishAt("OrderReturnReceived", (long) back.get(0), """
                    {"orderId":%d,"shopperId":"s","requestId":%d,"lines":[{"sku":"%s","quantity":%d}],"disposition":"%s"}"""
                    .formatted(back.get(0), back.get(1), sku, back.get(2), back.get(3)), Instant.now());
        }
        awaitHandled(kept);
        awaitHandled(returned);

        Map<String, Object> row = ranked("merchant", sku);
        assertEquals(3, ((Number) row.get("units")).longValue(), "4 sold less 1 returned; the 2 returned whole not at all");
        assertEquals(Map.of("amountMinor", 2700, "currency", "CNY"), row.get("revenue"));
        get("admin", "/stock/{sku}", sku).statusCode(200).body("onHand", equalTo(50 - 6 + 1));
    }

    @Test
    void a_sku_that_sold_for_fewer_days_than_a_forecast_needs_or_never_is_refused_with_a_conflict() {
        String fresh = CatalogAnnouncements.stocked("FRESH", 10);
        get("merchant", "/analysis/skus/{sku}", fresh).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/history-too-short"));

        String recent = CatalogAnnouncements.stocked("RECENT", 10);
        for (int daysAgo = 1; daysAgo <= 6; daysAgo++) {
            soldOn(recent, today().minusDays(daysAgo), 2, 100);
        }
        get("merchant", "/analysis/skus/{sku}", recent).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/history-too-short"))
                .body("detail", startsWith("SKU " + recent + " first sold on " + today().minusDays(6)));

        soldOn(recent, today().minusDays(7), 2, 100);
        get("merchant", "/analysis/skus/{sku}", recent).statusCode(200).body("forecast.method",
                equalTo("SIMPLE_EXPONENTIAL_SMOOTHING")).body("history.size()", equalTo(7));
    }

    @Test
    void the_analysis_of_a_sku_is_what_the_policies_make_of_its_history_and_stock_position() {
        String sku = CatalogAnnouncements.stocked("FCST", 40);
        LocalDate to = today().minusDays(1);
        LocalDate from = to.minusDays(59);
        int[] week = {-4, -2, 0, 1, 3, 6, -4};
        List<DailySales> sales = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            LocalDate date = from.plusDays(day);
            long units = 12 + day / 10 + week[date.getDayOfWeek().ordinal()] + (day * 7 % 5) - 2;
            if (units > 0) {
                soldOn(sku, date, units, 500);
                sales.add(new DailySales(date, units, new Money(units * 500, "CNY")));
            }
        }
        String destination = newWarehouse();
        long transfer = requested(sku, "DEFAULT", destination, 5);
        post("merchant", "/transfers/" + transfer + "/dispatch", null).statusCode(200);
        StockOperations.reserve(SagaEvents.newOrderId(), sku, 3);

        // doubles as doubles: rest-assured would read them as floats, which is not precise enough to compare
        JsonPath body = get("merchant", "/analysis/skus/{sku}?days=90&horizon=14&leadTimeDays=5&reviewDays=7"
                + "&serviceLevel=0.9", sku).statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));

        SalesSeries history = SalesSeries.of(sku, from, to, "CNY", sales);
        DemandForecast forecast = DemandForecast.fit(history, 14);
        Terms terms = new Terms(5, 7, new ServiceLevel(0.9));
        var suggestion = ReplenishmentPolicy.suggest(forecast, terms, new Position(35, 5, 3));
        assertEquals(from.toString(), body.getString("from"), "the history starts on the first sale");
        assertEquals(to.toString(), body.getString("to"));
        assertEquals(history.days().stream().map(DailySales::units).toList(),
                body.getList("history.units", Long.class));
        assertEquals("HOLT_WINTERS", body.getString("forecast.method"));
        assertClose(forecast.daily(), body.getList("forecast.daily", Double.class));
        assertClose(forecast.oneStepAhead(), body.getList("forecast.oneStepAhead", Double.class));
        assertEquals(forecast.residualSd(), body.getDouble("forecast.residualSd"), EXACT);
        assertEquals(history.totalUnits(), body.getLong("sellThrough.unitsSold"));
        assertEquals(35, body.getLong("sellThrough.endingOnHand"));
        assertEquals((double) history.totalUnits() / (history.totalUnits() + 35), body.getDouble("sellThrough.rate"), EXACT);
        assertEquals(XyzPolicy.classify(history, XyzPolicy.Thresholds.DEFAULT).name(), body.getString("xyzClass"));
        assertEquals(List.of(35L, 5L, 3L), List.of(body.getLong("replenishment.onHand"),
                body.getLong("replenishment.onOrder"), body.getLong("replenishment.reserved")));
        assertEquals(suggestion.reorderPoint(), body.getDouble("replenishment.reorderPoint"), EXACT);
        assertEquals(suggestion.safetyStock(), body.getDouble("replenishment.safetyStock"), EXACT);
        assertEquals(suggestion.quantity(), body.getLong("replenishment.quantity"));
        assertEquals(suggestion.explanation(), body.getString("replenishment.explanation"));
        assertTrue(suggestion.quantity() > 0, "a month's demand is above 37 units: something to reorder");

        get("admin", "/analysis/skus/{sku}", sku).statusCode(200).body("sku", equalTo(sku));
        get("merchant2", "/analysis/skus/{sku}", sku).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/not-found"));
    }

    @Test
    void the_ranking_shows_a_merchant_its_own_skus_best_first_in_the_classes_the_policies_give() {
        String best = CatalogAnnouncements.stocked("ABC", 0);
        String steady = CatalogAnnouncements.stocked("ABC", 0);
        String lumpy = CatalogAnnouncements.stocked("ABC", 0);
        for (int daysAgo = 1; daysAgo <= 14; daysAgo++) {
            soldOn(best, today().minusDays(daysAgo), 10, 100_000);
            soldOn(steady, today().minusDays(daysAgo), 5, 100);
            if (daysAgo % 7 == 0) {
                soldOn(lumpy, today().minusDays(daysAgo), 20, 10);
            }
        }

        List<Map<String, Object>> rows = get("merchant", "/analysis/abc?days=14").statusCode(200).extract().jsonPath()
                .getList("$");
        Map<String, Money> revenue = new LinkedHashMap<>();
        rows.forEach(r -> {
            @SuppressWarnings("unchecked")
            var money = (Map<String, Object>) r.get("revenue");
            revenue.put((String) r.get("sku"), new Money(((Number) money.get("amountMinor")).longValue(),
                    (String) money.get("currency")));
        });
        var classes = AbcPolicy.classify(revenue, AbcPolicy.Thresholds.DEFAULT);
        assertEquals(List.copyOf(classes.keySet()), rows.stream().map(r -> (String) r.get("sku")).toList(),
                "best seller first");
        rows.forEach(r -> assertEquals(classes.get((String) r.get("sku")).name(), r.get("abcClass")));

        assertEquals(List.of(140L, 14_000_000L), List.of(((Number) ranked("merchant", best).get("units")).longValue(),
                revenue.get(best).amountMinor()));
        assertEquals("X", ranked("merchant", steady).get("xyzClass"));
        assertEquals("Z", ranked("merchant", lumpy).get("xyzClass"), "two days of fourteen: lumpy demand");
        assertEquals(70L, ((Number) ranked("merchant", steady).get("units")).longValue());

        assertFalse(get("merchant2", "/analysis/abc").statusCode(200).extract().jsonPath().getList("sku").contains(best),
                "another merchant's SKUs are not in the ranking");
        assertTrue(get("admin", "/analysis/abc").statusCode(200).extract().jsonPath().getList("sku").contains(best));
    }

    @Test
    void parameters_out_of_range_are_refused_with_a_bad_request() {
        String sku = CatalogAnnouncements.stocked("PARAM", 1);
        for (String query : List.of("days=13", "days=731", "days=ninety", "horizon=0", "horizon=731",
                "leadTimeDays=-1", "leadTimeDays=366", "reviewDays=-1", "serviceLevel=0", "serviceLevel=1",
                "serviceLevel=1.5", "serviceLevel=-0.2")) {
            get("merchant", "/analysis/skus/{sku}?" + query, sku).statusCode(400)
                    .contentType("application/problem+json");
        }
        for (String query : List.of("days=13", "days=731", "days=0")) {
            get("merchant", "/analysis/abc?" + query).statusCode(400).contentType("application/problem+json");
        }
        get("merchant", "/analysis/skus/{sku}", "no such sku!").statusCode(400);
        get("merchant", "/analysis/skus/{sku}", "NOPE-" + UUID.randomUUID().toString().substring(0, 8)).statusCode(404);
        given().when().get("/analysis/abc").then().statusCode(401);
        get("shopper", "/analysis/abc").statusCode(403);
    }

    private static void assertClose(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), EXACT, "day " + i);
        }
    }
}
