package io.quarkmall.shipping;

import static io.quarkmall.shipping.CarrierSandbox.await;
import static io.quarkmall.shipping.CarrierSandbox.paidChoosing;
import static io.quarkmall.shipping.CarrierSandbox.paidTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parcels by service and destination: the aggregator ships standard parcels, SF express ones, and the label API
 * every parcel abroad, whatever its service.
 */
@QuarkusTest
@TestProfile(CarrierByServiceTest.ExpressBySf.class)
class CarrierByServiceTest {

    /** Both carriers push to this test's fixed port (and a fixed management port, as Micrometer needs). */
    public static class ExpressBySf implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkmall.shipping.carrier", "kd100", "quarkmall.shipping.express-carrier", "sf",
                    "quarkmall.shipping.international-carrier", "easypost",
                    "quarkus.http.test-port", "18589", "quarkus.management.test-port", "19589",
                    "quarkmall.shipping.kd100.callback-url", "http://127.0.0.1:18589/api/shipping/carriers/kd100/pushes",
                    "quarkmall.shipping.sf.callback-url", "http://127.0.0.1:18589/api/shipping/carriers/sf/pushes",
                    "quarkmall.shipping.easypost.webhook-url", "http://127.0.0.1:18589/api/shipping/carriers/easypost/pushes");
        }
    }

    private static final String ORDERS = "test.shipping.order.v1";
    private static final CarrierSandbox SF = new CarrierSandbox("http://127.0.0.1:18283");
    private static final CarrierSandbox KD100 = new CarrierSandbox("http://127.0.0.1:18284");
    private static final CarrierSandbox EASYPOST = new CarrierSandbox("http://127.0.0.1:18285");

    @Test
    void an_express_parcel_goes_by_the_express_carrier_and_a_standard_one_by_the_other() throws Exception {
        long express = SagaEvents.newOrderId();
        long standard = SagaEvents.newOrderId();
        SF.script(express, "normal", 150);
        KD100.script(standard, "normal", 150);
        SagaEvents.send(ORDERS, express, paidChoosing(express, "EXPRESS"));
        SagaEvents.send(ORDERS, standard, paidChoosing(standard, "STANDARD"));

        Shipment bySf = await(express, s -> s.status() == Shipment.Status.DELIVERED, "delivered by SF");
        assertEquals("sf", bySf.carrier());
        assertTrue(bySf.trackingNumber().matches("SF[0-9]{12}"), bySf.trackingNumber());
        assertEquals(1, SF.order(express).getInt("expressTypeId"), "SF's priority product");
        Shipment byAggregator = await(standard, s -> s.status() == Shipment.Status.DELIVERED, "delivered by the aggregator");
        assertEquals("kd100", byAggregator.carrier());
        assertEquals("yuantong", KD100.order(standard).getString("kuaidicom"));
        given().auth().oauth2(Tokens.of("shopper")).queryParam("orderId", express).when().get("/shipments").then()
                .statusCode(200).body("carrier", contains("sf")).body("service", contains("EXPRESS"));
    }

    @Test
    void a_parcel_abroad_goes_by_the_international_carrier_whatever_its_service_and_one_at_home_by_its_service() throws Exception {
        long standardAbroad = SagaEvents.newOrderId();
        long expressAbroad = SagaEvents.newOrderId();
        long expressHome = SagaEvents.newOrderId();
        EASYPOST.script(standardAbroad, "normal", 150);
        EASYPOST.script(expressAbroad, "normal", 150);
        SF.script(expressHome, "normal", 150);
        SagaEvents.send(ORDERS, standardAbroad, paidTo(standardAbroad, "STANDARD", "US"));
        SagaEvents.send(ORDERS, expressAbroad, paidTo(expressAbroad, "EXPRESS", "JP"));
        SagaEvents.send(ORDERS, expressHome, paidTo(expressHome, "EXPRESS", "CN"));

        Shipment toUs = await(standardAbroad, s -> s.status() == Shipment.Status.DELIVERED, "delivered to the US");
        assertEquals("easypost", toUs.carrier());
        assertEquals("USPS", EASYPOST.order(standardAbroad).getString("carrier"), "the standard service abroad");
        Shipment toJapan = await(expressAbroad, s -> s.status() == Shipment.Status.DELIVERED, "delivered to Japan");
        assertEquals("easypost", toJapan.carrier());
        assertEquals("DHLExpress", EASYPOST.order(expressAbroad).getString("carrier"), "the express service abroad");
        assertEquals("sf", await(expressHome, s -> s.status() == Shipment.Status.DELIVERED, "delivered at home").carrier());
    }
}
