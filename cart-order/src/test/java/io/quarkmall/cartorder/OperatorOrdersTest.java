package io.quarkmall.cartorder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operator console's orders: a merchant sees the orders holding its SKUs, an admin every order. */
@QuarkusTest
class OperatorOrdersTest {

    private static final String PRODUCTS = "test.cart-order.product.v1";

    static String listedSkuOf(String merchantId) {
        String sku = "OP" + UUID.randomUUID().toString().substring(0, 8);
        long productId = SagaEvents.newOrderId();
        SagaEvents.publish(PRODUCTS, "ProductListed", productId, """
                {"productId":%d,"merchantId":"%s","name":"茶杯","names":{"zh-CN":"茶杯","en":"Tea cup"},
                 "skus":[{"sku":"%s","attributes":{},"price":{"amountMinor":2500,"currency":"CNY"}}]}"""
                .formatted(productId, merchantId, sku));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> CatalogSku.findByIdOptional(sku).isPresent()));
        return sku;
    }

    @Test
    void a_merchant_sees_orders_of_its_skus_only_and_an_admin_sees_every_order() {
        long mine = CheckoutSagaTest.checkout("shopper", listedSkuOf(Tokens.subjectOf("merchant")));
        long others = CheckoutSagaTest.checkout("shopper2", listedSkuOf("another-merchant"));

        given().auth().oauth2(Tokens.of("merchant")).queryParam("size", 100).when().get("/operator/orders").then()
                .statusCode(200).body("id", hasItem((int) mine)).body("id", not(hasItem((int) others)));
        given().auth().oauth2(Tokens.of("merchant")).when().get("/operator/orders/{id}", mine).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("timeline[0].status", equalTo("PENDING"))
                .body("lines[0].quantity", equalTo(2));
        given().auth().oauth2(Tokens.of("merchant")).when().get("/operator/orders/{id}", others).then()
                .statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(Tokens.of("admin")).queryParam("size", 100).when().get("/operator/orders").then()
                .statusCode(200).body("id", hasItem((int) mine)).body("id", hasItem((int) others))
                .body("find { it.id == %d }.shopperId".formatted(others), equalTo(Tokens.subjectOf("shopper2")))
                .body("find { it.id == %d }.units".formatted(others), equalTo(2));
        given().auth().oauth2(Tokens.of("admin")).when().get("/operator/orders/{id}", others).then().statusCode(200)
                .body("total.amountMinor", equalTo(5000));
    }

    @Test
    void orders_filter_by_status_and_an_unknown_status_is_a_problem_json_400() {
        long pending = CheckoutSagaTest.checkout("shopper", listedSkuOf(Tokens.subjectOf("merchant")));
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "PENDING").queryParam("size", 100)
                .when().get("/operator/orders").then().statusCode(200)
                .body("id", hasItem((int) pending)).body("status", everyItem(equalTo("PENDING")));
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "COMPLETED").queryParam("size", 100)
                .when().get("/operator/orders").then().statusCode(200).body("id", not(hasItem((int) pending)));
        given().auth().oauth2(Tokens.of("admin")).queryParam("status", "LOST").when().get("/operator/orders").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("status"));
    }

    @Test
    void a_shopper_may_not_use_the_operator_console() {
        given().auth().oauth2(Tokens.of("shopper")).when().get("/operator/orders").then().statusCode(403);
        given().when().get("/operator/orders").then().statusCode(401);
    }
}
