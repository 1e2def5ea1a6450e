package io.quarkmall.cartorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkmall.cartorder.domain.PhotoMetadata;
import io.quarkmall.cartorder.domain.PhotoMetadataTest;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Photos as after-sales evidence: the shopper adds them to their open request; they and whoever reviews it see
 * them, nobody else; what is not a photo, too large, one too many or for a closed request is refused, nothing kept.
 */
@QuarkusTest
class AfterSalesPhotosTest {

    /** A well-formed PNG of about {@code size} bytes, told apart by {@code variant}, with a camera's note in it. */
    private static byte[] png(int variant, int size) {
        return PhotoMetadataTest.png("IHDR", "0123456789abc", "tEXt", "GPS 31.23N 121.47E",
                "IDAT", variant + "x".repeat(Math.max(1, size - 90)));
    }

    /** A JPEG: its start, an APP0 segment, an empty scan and its end. */
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 6, 'J', 'F', 'I', 'F',
            (byte) 0xFF, (byte) 0xDA, 0, 2, (byte) 0xFF, (byte) 0xD9};

    private static ValidatableResponse upload(String shopper, long orderId, long requestId, String type, byte[] image) {
        return given().auth().oauth2(Tokens.of(shopper)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(type).body(image).when()
                .post("/orders/{id}/after-sales/{requestId}/photos", orderId, requestId).then();
    }

    private static long openRequest(String sku) {
        long orderId = CheckoutSagaTest.checkout("shopper", sku);
        CheckoutSagaTest.event("test.cart-order.reservation.v1", "StockReserved", orderId, "");
        CheckoutSagaTest.event("test.cart-order.payment.v1", "PaymentSucceeded", orderId, "");
        CheckoutSagaTest.event("test.cart-order.shipment.v1", "ShipmentCreated", orderId, ",\"trackingNumber\":\"QM" + orderId + "\"");
        CheckoutSagaTest.event("test.cart-order.shipment.v1", "ShipmentPickedUp", orderId, ",\"location\":\"Shanghai\"");
        CheckoutSagaTest.awaitStatus(orderId, "SHIPPED");
        return orderId;
    }

    @Test
    void the_shopper_and_the_reviewing_merchant_see_the_photos_and_nobody_else_does() {
        long orderId = openRequest(OperatorOrdersTest.listedSkuOf(Tokens.subjectOf("merchant")));
        long requestId = AfterSalesTest.ask("shopper", orderId, "{\"reason\":\"DAMAGED\"}").statusCode(201)
                .extract().jsonPath().getLong("id");
        byte[] photo = png(1, 2_000);
        byte[] kept = PhotoMetadata.stripped("image/png", photo).orElseThrow();
        long photoId = upload("shopper", orderId, requestId, "image/png", photo).statusCode(201)
                .body("contentType", equalTo("image/png")).body("sizeBytes", equalTo(kept.length)).extract().jsonPath().getLong("id");
        upload("shopper", orderId, requestId, "image/png", photo).statusCode(201).body("id", equalTo((int) photoId));
        upload("shopper", orderId, requestId, "image/jpeg", JPEG).statusCode(201).body("contentType", equalTo("image/jpeg"));

        byte[] seen = given().auth().oauth2(Tokens.of("shopper")).when()
                .get("/orders/{id}/after-sales/{requestId}/photos/{photoId}", orderId, requestId, photoId).then()
                .statusCode(200).contentType("image/png").header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store").header("Content-Security-Policy", containsString("sandbox"))
                .extract().asByteArray();
        assertArrayEquals(kept, seen, "the picture without the camera's note");
        for (String reviewer : List.of("merchant", "admin")) {
            assertArrayEquals(kept, given().auth().oauth2(Tokens.of(reviewer)).when()
                    .get("/operator/after-sales/{id}/photos/{photoId}", requestId, photoId).then().statusCode(200)
                    .extract().asByteArray());
        }
        given().auth().oauth2(Tokens.of("merchant2")).when().get("/operator/after-sales/{id}/photos/{photoId}", requestId, photoId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("shopper2")).when()
                .get("/orders/{id}/after-sales/{requestId}/photos/{photoId}", orderId, requestId, photoId).then().statusCode(404);
        upload("shopper2", orderId, requestId, "image/png", png(2, 100)).statusCode(404);
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then().statusCode(200)
                .body("[0].photos.contentType", contains("image/png", "image/jpeg"));

        String key = UUID.randomUUID().toString();
        var first = send(key, orderId, requestId, png(3, 500)).statusCode(201).extract().jsonPath().getLong("id");
        send(key, orderId, requestId, png(3, 500)).statusCode(201).body("id", equalTo((int) first))
                .header("Idempotent-Replayed", "true");
        send(key, orderId, requestId, png(4, 500)).statusCode(422);
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then()
                .body("[0].photos.size()", equalTo(3));
    }

    private static ValidatableResponse send(String key, long orderId, long requestId, byte[] image) {
        return given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", key).contentType("image/png")
                .body(image).when().post("/orders/{id}/after-sales/{requestId}/photos", orderId, requestId).then();
    }

    @Test
    void what_is_not_a_photo_too_large_or_one_too_many_is_refused_and_nothing_is_kept() {
        long orderId = openRequest(CheckoutSagaTest.listedSku(9_000));
        long requestId = AfterSalesTest.ask("shopper", orderId, "{\"reason\":\"NOT_RECEIVED\"}").statusCode(201)
                .extract().jsonPath().getLong("id");
        upload("shopper", orderId, requestId, "image/png", "<svg onload=alert(1)>".getBytes()).statusCode(415)
                .contentType("application/problem+json").body("type", endsWith("/not-a-photo"));
        upload("shopper", orderId, requestId, "image/png", new byte[0]).statusCode(415);
        byte[] looksLikeAPng = Arrays.copyOf(png(1, 100), 20); // its signature, then a chunk cut short
        upload("shopper", orderId, requestId, "image/png", looksLikeAPng).statusCode(415).body("type", endsWith("/not-a-photo"));
        upload("shopper", orderId, requestId, "text/plain", png(1, 100)).statusCode(415);
        upload("shopper", orderId, requestId, "image/png", png(1, 1_000_100)).statusCode(413)
                .contentType("application/problem+json").body("type", endsWith("/photo-size"));
        given().auth().oauth2(Tokens.of("shopper")).contentType("image/png").body(png(1, 100)).when()
                .post("/orders/{id}/after-sales/{requestId}/photos", orderId, requestId).then().statusCode(400);
        for (int i = 1; i <= 6; i++) {
            upload("shopper", orderId, requestId, "image/png", png(i, 100)).statusCode(201);
        }
        upload("shopper", orderId, requestId, "image/png", png(7, 100)).statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/too-many-photos"));
        given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}/after-sales", orderId).then().statusCode(200)
                .body("[0].photos.size()", equalTo(6));
        AfterSalesTest.decide("admin", requestId, "rejection", "{\"note\":\"No evidence of loss\"}").statusCode(200);
        upload("shopper", orderId, requestId, "image/png", png(8, 100)).statusCode(409)
                .body("type", endsWith("/after-sales-closed"));
    }
}
