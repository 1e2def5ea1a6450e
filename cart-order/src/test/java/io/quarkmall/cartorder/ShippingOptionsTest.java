package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.AddressBookTest.added;
import static io.quarkmall.cartorder.AddressBookTest.chinese;
import static io.quarkmall.cartorder.AddressBookTest.emptyBookOf;
import static io.quarkmall.cartorder.CheckoutSagaTest.PAYMENTS;
import static io.quarkmall.cartorder.CheckoutSagaTest.STOCK;
import static io.quarkmall.cartorder.CheckoutSagaTest.awaitStatus;
import static io.quarkmall.cartorder.CheckoutSagaTest.event;
import static io.quarkmall.cartorder.CheckoutSagaTest.listedSku;
import static io.quarkmall.cartorder.DeliveryAddressAtCheckoutTest.ordersOfShopper;
import static io.quarkmall.cartorder.CheckoutSagaTest.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery at checkout, priced by the server from the rate card in application.properties: the options for
 * the cart by the address's zone and the parcel's weight, the free-shipping threshold, the chosen service's
 * fee added to the total and announced; a service that does not exist or is not offered places nothing.
 */
@QuarkusTest
class ShippingOptionsTest {

    private static final String PROBLEMS = "https://quarkmall.io/problems/";

    @BeforeEach
    void emptyBooks() {
        emptyBookOf("shopper");
        emptyBookOf("shopper2");
    }

    /** The cart holds exactly these SKUs, {@code quantity} units each. */
    private static void cartOf(int quantity, String... skus) {
        List<String> left = given().auth().oauth2(Tokens.of("shopper")).when().get("/cart").then().extract().path("lines.sku");
        left.forEach(old -> given().auth().oauth2(Tokens.of("shopper")).when().delete("/cart/lines/{sku}", old));
        for (String sku : skus) {
            put("shopper", sku, quantity).statusCode(200);
        }
    }

    private static RequestSpecification shopper() {
        return given().auth().oauth2(Tokens.of("shopper"));
    }

    private static ValidatableResponse options(Long addressId) {
        var request = shopper();
        if (addressId != null) {
            request.queryParam("addressId", addressId);
        }
        return request.when().get("/cart/shipping-options").then();
    }

    private static ValidatableResponse checkout(String shipping, Long addressId) {
        var request = shopper().header("Idempotency-Key", UUID.randomUUID().toString());
        if (shipping != null) {
            request.queryParam("shipping", shipping);
        }
        if (addressId != null) {
            request.queryParam("addressId", addressId);
        }
        return request.when().post("/checkout").then();
    }

    @Test
    void the_options_are_priced_by_zone_and_weight_and_the_chosen_one_is_added_to_the_total() {
        added("shopper", chinese("张三"));
        cartOf(2, listedSku(5_000, 1_200)); // 2,400 g: three kilograms begun

        options(null).statusCode(200).body("option", contains("STANDARD", "EXPRESS"))
                .body("zone", contains("MAINLAND", "MAINLAND")).body("weightGrams", contains(2_400, 2_400))
                .body("fee.amountMinor", contains(0, 1_500 + 2 * 500)).body("fee.currency", contains("CNY", "CNY"))
                .body("[1].freeFrom.amountMinor", equalTo(29_900)).body("[0].freeFrom", nullValue())
                .body("[1].minDays", equalTo(1)).body("[1].maxDays", equalTo(2));

        long id = checkout("EXPRESS", null).statusCode(201).body("shipping.option", equalTo("EXPRESS"))
                .body("shipping.fee.amountMinor", equalTo(2_500)).body("subtotal.amountMinor", equalTo(10_000))
                .body("total.amountMinor", equalTo(12_500)).extract().jsonPath().getLong("id");
        shopper().when().get("/orders/{id}", id).then().statusCode(200).body("shipping.option", equalTo("EXPRESS"))
                .body("total.amountMinor", equalTo(12_500));
        assertTrue(envelope(id, 0).contains("\"shippingOption\":\"EXPRESS\"")
                && envelope(id, 0).contains("\"shippingFee\":{\"amountMinor\":2500"), envelope(id, 0));

        // paid, it tells shipping the service to book and the weight it was priced by
        event(STOCK, "StockReserved", id, "");
        awaitStatus(id, "STOCK_RESERVED");
        event(PAYMENTS, "PaymentSucceeded", id, "");
        awaitStatus(id, "PAID");
        String paid = envelope(id, 2);
        assertTrue(paid.contains("\"type\":\"OrderPaid\"") && paid.contains("\"shippingOption\":\"EXPRESS\"")
                && paid.contains("\"parcelWeightGrams\":2400"), paid);
    }

    /** The {@code index}th event the order published on order.v1. */
    private static String envelope(long orderId, int index) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 order by id", Long.toString(orderId)).get(index).envelope());
    }

    @Test
    void remote_regions_and_addresses_abroad_cost_more_and_standard_is_the_default() {
        long remote = added("shopper", chinese("阿依古丽", "province", "新疆维吾尔自治区", "city", "乌鲁木齐市",
                "district", "天山区", "postcode", "830000"));
        long abroad = added("shopper", Map.of("recipient", "Jane Doe", "phone", "+1 (415) 555-0100", "country", "US",
                "province", "CA", "city", "San Francisco", "line1", "1 Market St", "postcode", "94105"));
        cartOf(1, listedSku(3_000, 1_500)); // two kilograms begun

        options(remote).statusCode(200).body("zone", contains("REMOTE", "REMOTE"))
                .body("fee.amountMinor", contains(1_200 + 600, 3_000 + 1_500)).body("[0].freeFrom.amountMinor", equalTo(19_900));
        options(abroad).statusCode(200).body("zone", contains("INTERNATIONAL", "INTERNATIONAL"))
                .body("fee.amountMinor", contains(9_000 + 4_000, 18_000 + 6_000));

        checkout(null, remote).statusCode(201).body("shipping.option", equalTo("STANDARD"))
                .body("shipping.fee.amountMinor", equalTo(1_800)).body("total.amountMinor", equalTo(4_800));
    }

    @Test
    void from_the_threshold_delivery_is_free_and_a_sku_of_unknown_weight_counts_the_default() {
        cartOf(1, listedSku(30_000, 800));
        options(null).statusCode(200).body("option", contains("STANDARD", "EXPRESS")).body("fee.amountMinor", contains(0, 0));
        checkout("EXPRESS", null).statusCode(201).body("shipping.fee.amountMinor", equalTo(0))
                .body("total.amountMinor", equalTo(30_000));

        cartOf(3, listedSku(1_000)); // 3 × 500 g
        options(null).statusCode(200).body("weightGrams", contains(1_500, 1_500)).body("fee.amountMinor", contains(0, 2_000));
    }

    @Test
    void goods_in_another_currency_than_the_rate_cards_go_by_standard_delivery_at_no_charge() {
        added("shopper", chinese("张三"));
        cartOf(1, listedSku(2_500, "USD", 4_000));
        options(null).statusCode(200).body("option", contains("STANDARD")).body("fee.amountMinor", contains(0))
                .body("fee.currency", contains("USD"));
        long before = ordersOfShopper();
        checkout("EXPRESS", null).statusCode(422).body("type", equalTo(PROBLEMS + "shipping-not-offered"));
        assertEquals(before, ordersOfShopper(), "nothing was placed");
        checkout(null, null).statusCode(201).body("shipping.option", equalTo("STANDARD"))
                .body("shipping.fee.currency", equalTo("USD")).body("total.amountMinor", equalTo(2_500));
    }

    @Test
    void an_unknown_service_or_another_shoppers_address_places_nothing_and_an_empty_cart_has_no_options() {
        long theirs = added("shopper2", chinese("赵六"));
        String sku = listedSku(2_000, 300);
        cartOf(1, sku);
        long before = ordersOfShopper();

        checkout("DRONE", null).statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("shipping"));
        checkout("EXPRESS", theirs).statusCode(422).body("type", equalTo(PROBLEMS + "address-not-yours"));
        options(theirs).statusCode(422).body("type", equalTo(PROBLEMS + "address-not-yours"));
        options(-1L).statusCode(400).contentType("application/problem+json");
        given().when().get("/cart/shipping-options").then().statusCode(401);
        assertEquals(before, ordersOfShopper(), "nothing was placed");
        shopper().when().get("/cart").then().body("lines.sku", contains(sku));

        cartOf(0);
        options(null).statusCode(200).body("$", hasSize(0));
        options(theirs).statusCode(422).body("type", equalTo(PROBLEMS + "address-not-yours"));
        checkout("EXPRESS", null).statusCode(422).body("detail", containsString("empty"));
    }
}
