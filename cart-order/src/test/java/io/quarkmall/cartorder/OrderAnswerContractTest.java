package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.CheckoutSagaTest.awaitStatus;
import static io.quarkmall.cartorder.CheckoutSagaTest.checkout;
import static io.quarkmall.cartorder.CheckoutSagaTest.event;
import static io.quarkmall.cartorder.CheckoutSagaTest.listedSku;
import static io.quarkmall.cartorder.CheckoutSagaTest.post;
import static io.quarkmall.cartorder.CheckoutSagaTest.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * pay relies on {@code GET /orders/{id}} (and its tests stub it) as docs/api/cart-order.order.schema.json
 * describes it: the real answers, awaiting payment and cancelled, with coupons and points or without,
 * purchases and redemptions, are valid against it.
 */
@QuarkusTest
class OrderAnswerContractTest {

    private static Set<?> violations(long orderId) throws Exception {
        String answer = given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", orderId).then()
                .statusCode(200).extract().asString();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("../docs/api/cart-order.order.schema.json")))
                .validate(new ObjectMapper().readTree(answer));
    }

    @Test
    void an_order_awaiting_payment_and_a_cancelled_one_are_answered_as_documented() throws Exception {
        long awaiting = checkout("shopper", listedSku(1_200));
        event("test.cart-order.reservation.v1", "StockReserved", awaiting, "");
        awaitStatus(awaiting, "STOCK_RESERVED");
        assertEquals(Set.of(), violations(awaiting));

        long cancelled = checkout("shopper", listedSku(800));
        post("shopper", "/orders/" + cancelled + "/cancellation", UUID.randomUUID().toString()).statusCode(200);
        assertEquals(Set.of(), violations(cancelled));
    }

    @Test
    void an_order_with_coupons_and_points_and_one_whose_coupons_were_refused_are_answered_as_documented() throws Exception {
        List<String> left = given().auth().oauth2(Tokens.of("shopper")).when().get("/cart").then().extract().path("lines.sku");
        left.forEach(sku -> given().auth().oauth2(Tokens.of("shopper")).when().delete("/cart/lines/{sku}", sku));
        put("shopper", listedSku(3_000), 1).statusCode(200);
        long coupon = LoyaltyQuoteStub.fixedOff(Tokens.subjectOf("shopper"), "¥10 off", 1_000);
        long withCoupons = given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("points", 500).queryParam("couponId", coupon).when().post("/checkout").then().statusCode(201)
                .body("adjustments.kind", equalTo(List.of("COUPON", "POINTS"))).extract().jsonPath().getLong("id");
        assertEquals(Set.of(), violations(withCoupons));

        event("test.cart-order.coupons.v1", "CouponsRefused", withCoupons, ",\"shopperId\":\"s\",\"reason\":\"Coupon expired.\"");
        awaitStatus(withCoupons, "CANCELLED");
        assertEquals(Set.of(), violations(withCoupons));
    }

    @Test
    void redemptions_paid_with_points_alone_and_awaiting_their_cash_are_answered_as_documented() throws Exception {
        long pointsOnly = PointsMallRedemptionTest.redeem("shopper", PointsMallRedemptionTest.redeemableSku(300, null, null), 1)
                .statusCode(201).extract().jsonPath().getLong("id");
        event("test.cart-order.reservation.v1", "StockReserved", pointsOnly, "");
        event("test.cart-order.points.v1", "PointsHeld", pointsOnly, ",\"shopperId\":\"s\",\"points\":300,\"balance\":0");
        awaitStatus(pointsOnly, "PAID");
        assertEquals(Set.of(), violations(pointsOnly));

        long withCash = PointsMallRedemptionTest.redeem("shopper", PointsMallRedemptionTest.redeemableSku(300, 990L, 2), 2)
                .statusCode(201).extract().jsonPath().getLong("id");
        event("test.cart-order.reservation.v1", "StockReserved", withCash, "");
        event("test.cart-order.points.v1", "PointsHeld", withCash, ",\"shopperId\":\"s\",\"points\":600,\"balance\":0");
        awaitStatus(withCash, "STOCK_RESERVED");
        assertEquals(Set.of(), violations(withCash));
    }
}
