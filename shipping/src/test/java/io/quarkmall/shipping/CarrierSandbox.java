package io.quarkmall.shipping;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.shipping.domain.TrackingEvent;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A carrier sandbox of the local stack as shipping's carrier tests drive it (a journey scripted for an order, faults
 * planted, its view of an order, all through its {@code /sandbox} controls), and what shipping made of an order.
 */
final class CarrierSandbox {

    private final String url;

    CarrierSandbox(String url) {
        this.url = url;
    }

    void script(long orderId, String journey, int stepMillis) {
        given().baseUri(url).basePath("").contentType("application/json")
                .body(Map.of("journey", journey, "stepMillis", stepMillis))
                .when().post("/sandbox/journeys/{orderId}", "QM-" + orderId).then().statusCode(204);
    }

    void faults(int count, int status) {
        given().baseUri(url).basePath("").contentType("application/json").body(Map.of("count", count, "status", status))
                .when().post("/sandbox/faults").then().statusCode(204);
    }

    /** The sandbox's view of the order's parcel. */
    JsonPath order(long orderId) {
        return given().baseUri(url).basePath("").when().get("/sandbox/orders/{orderId}", "QM-" + orderId)
                .then().statusCode(200).extract().jsonPath();
    }

    static Shipment await(long orderId, Predicate<Shipment> until, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Shipment shipment = QuarkusTransaction.requiringNew().call(() -> Shipment.ofOrder(orderId).orElse(null));
            if (shipment != null && until.test(shipment)) {
                return shipment;
            }
            assertTrue(Instant.now().isBefore(deadline), "order " + orderId + " not " + what + " within 30 s");
            Thread.sleep(100);
        }
    }

    static long scans(long shipmentId) {
        return QuarkusTransaction.requiringNew().call(() -> (long) TrackingEvent.of(shipmentId).size());
    }

    /** The types of the events shipping announced about the order, in order. */
    static List<String> eventTypes(long orderId) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id", Long.toString(orderId)).stream()
                        .map(e -> e.envelope().replaceAll(".*\"type\":\"(\\w+)\".*", "$1")).toList());
    }

    /** OrderPaid of an order that chose this delivery service at checkout, its parcel weighed at 2.4 kg. */
    static String paidChoosing(long orderId, String shippingOption) {
        return paidTo(orderId, shippingOption, null);
    }

    /** OrderPaid of an order going to {@code country} (null: placed without an address) by that service. */
    static String paidTo(long orderId, String shippingOption, String country) {
        return """
                {"eventId":"%s","type":"OrderPaid","occurredAt":"%s","aggregateId":"%d","payload":
                 {"orderId":%d,"shopperId":"%s","total":{"amountMinor":100,"currency":"CNY"},"lines":[],
                  "shippingOption":"%s","parcelWeightGrams":2400,"destinationCountry":%s}}"""
                .formatted(UUID.randomUUID(), Instant.now(), orderId, orderId, Tokens.subjectOf("shopper"), shippingOption,
                        country == null ? "null" : "\"" + country + "\"");
    }

    /** OrderCancelled of a paid order, by its shopper. */
    static String cancelled(long orderId) {
        return """
                {"orderId":%d,"shopperId":"%s","reason":"SHOPPER_CANCELLED",
                 "compensation":{"stock":"RESTOCK","refund":{"amountMinor":100,"currency":"CNY"}}}"""
                .formatted(orderId, Tokens.subjectOf("shopper"));
    }
}
