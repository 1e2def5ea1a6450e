package io.quarkmall.cartorder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A paid order's packing list and, once the carrier gave its parcel a waybill, its label, as PDFs for
 * the operators who may see the order; refused with problem+json before that and to anybody else.
 */
@QuarkusTest
class ParcelPapersTest {

    private static final String PAYMENTS = "test.cart-order.payment.v1";
    private static final String SHIPMENTS = "test.cart-order.shipment.v1";
    private static final String STOCK = "test.cart-order.reservation.v1";

    private static ValidatableResponse paper(String user, long orderId, String paper) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/operator/orders/{id}/" + paper, orderId).then();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void awaitStatus(String shopper, long orderId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.of(shopper))
                .when().get("/orders/{id}", orderId).then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void a_paid_order_has_its_packing_list_and_once_booked_its_label() throws IOException {
        AddressBookTest.emptyBookOf("shopper2");
        AddressBookTest.added("shopper2", AddressBookTest.chinese("李四")); // the default, so the order goes there
        String sku = CheckoutSagaTest.listedSku(1_200);
        long orderId = CheckoutSagaTest.checkout("shopper2", sku);
        paper("admin", orderId, "packing-list").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/order-not-paid"));

        CheckoutSagaTest.event(STOCK, "StockReserved", orderId, "");
        CheckoutSagaTest.event(PAYMENTS, "PaymentSucceeded", orderId, "");
        awaitStatus("shopper2", orderId, "PAID");
        byte[] packingList = paper("admin", orderId, "packing-list").statusCode(200).contentType("application/pdf")
                .header("Cache-Control", "no-store").extract().asByteArray();
        String listed = text(packingList);
        assertTrue(listed.contains("装箱单 Packing list") && listed.contains(sku) && listed.contains("绿茶")
                && listed.contains("Total pieces 2") && listed.contains("待分配 not yet assigned"), listed);
        paper("admin", orderId, "label").statusCode(409).body("type", equalTo("https://quarkmall.io/problems/label-not-ready"));

        String waybill = "SF" + orderId;
        CheckoutSagaTest.event(SHIPMENTS, "ShipmentCreated", orderId, ",\"carrier\":\"sf\",\"trackingNumber\":\"" + waybill + "\"");
        awaitStatus("shopper2", orderId, "FULFILLING");
        String label = text(paper("admin", orderId, "label").statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"label-" + orderId + ".pdf\"").extract().asByteArray());
        assertTrue(label.contains("顺丰速运 SF Express") && label.contains(waybill) && label.contains("李四")
                && label.contains("139****1234") && label.contains("杭州市"), label);
        assertFalse(label.contains("13900001234"), "the recipient's phone is masked on the label");
        assertTrue(text(paper("admin", orderId, "packing-list").statusCode(200).extract().asByteArray()).contains(waybill));

        // The batch of parcels waiting for pick-up, newest first, one label a page: this one is among them.
        byte[] batch = given().auth().oauth2(Tokens.of("admin")).when().get("/operator/orders/labels").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(batch)) {
            var firstPage = new PDFTextStripper();
            firstPage.setEndPage(1);
            String first = firstPage.getText(document);
            assertTrue(first.contains(waybill), "the newest order's label comes first:\n" + first);
        }
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "PENDING").when().get("/operator/orders/labels")
                .then().statusCode(409).body("type", equalTo("https://quarkmall.io/problems/nothing-to-label"));
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "LOST").when().get("/operator/orders/labels")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/operator/orders/labels").then().statusCode(403);
    }

    @Test
    void only_operators_who_may_see_the_order_get_its_papers() {
        long orderId = CheckoutSagaTest.checkout("shopper", CheckoutSagaTest.listedSku(800));
        CheckoutSagaTest.event(STOCK, "StockReserved", orderId, "");
        CheckoutSagaTest.event(PAYMENTS, "PaymentSucceeded", orderId, "");
        CheckoutSagaTest.awaitStatus(orderId, "PAID");

        paper("shopper", orderId, "packing-list").statusCode(403).contentType("application/problem+json");
        paper("merchant", orderId, "packing-list").statusCode(404).contentType("application/problem+json");
        paper("merchant", orderId, "label").statusCode(404).contentType("application/problem+json");
        given().when().get("/operator/orders/{id}/label", orderId).then().statusCode(401);
        paper("admin", 9_999_999_999L, "label").statusCode(404).contentType("application/problem+json");
        paper("admin", orderId, "packing-list").statusCode(200);

        given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/orders/{id}/cancellation", orderId).then().statusCode(200);
        CheckoutSagaTest.awaitStatus(orderId, "CANCELLED");
        paper("admin", orderId, "packing-list").statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/order-not-paid"));
    }
}
