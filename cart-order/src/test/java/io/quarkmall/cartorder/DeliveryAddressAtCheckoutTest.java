package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.AddressBookTest.added;
import static io.quarkmall.cartorder.AddressBookTest.book;
import static io.quarkmall.cartorder.AddressBookTest.chinese;
import static io.quarkmall.cartorder.AddressBookTest.emptyBookOf;
import static io.quarkmall.cartorder.AddressBookTest.rawColumn;
import static io.quarkmall.cartorder.CheckoutSagaTest.eventTypes;
import static io.quarkmall.cartorder.CheckoutSagaTest.listedSku;
import static io.quarkmall.cartorder.CheckoutSagaTest.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery address at checkout: the chosen one or the default, copied onto the order (later
 * edits do not reach it), sealed at rest, shown to the shopper and the fulfilling merchant only,
 * never published; another shopper's address places nothing; erasing the shopper's data makes it unreadable.
 */
@QuarkusTest
class DeliveryAddressAtCheckoutTest {

    private static final String PROBLEMS = "https://quarkmall.io/problems/";

    @BeforeEach
    void emptyBooks() {
        emptyBookOf("shopper");
        emptyBookOf("shopper2");
    }

    /** The cart holds exactly one unit of {@code sku}. */
    private static void cartOf(String sku) {
        List<String> left = given().auth().oauth2(Tokens.of("shopper")).when().get("/cart").then().extract().path("lines.sku");
        left.forEach(old -> given().auth().oauth2(Tokens.of("shopper")).when().delete("/cart/lines/{sku}", old));
        put("shopper", sku, 1).statusCode(200);
    }

    private static ValidatableResponse checkout(Long addressId) {
        var request = given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString());
        if (addressId != null) {
            request.queryParam("addressId", addressId);
        }
        return request.when().post("/checkout").then();
    }

    private static long placed(String sku, Long addressId) {
        cartOf(sku);
        return checkout(addressId).statusCode(201).extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse order(long id) {
        return given().auth().oauth2(Tokens.of("shopper")).when().get("/orders/{id}", id).then().statusCode(200);
    }

    /** How many orders "shopper" has placed in all. */
    static long ordersOfShopper() {
        String shopper = Tokens.subjectOf("shopper");
        return QuarkusTransaction.requiringNew().call(() -> Order.count("shopperId", shopper));
    }

    @Test
    void the_order_goes_to_the_chosen_address_and_keeps_it_when_the_book_changes() {
        added("shopper", chinese("张三"));
        long chosen = added("shopper", chinese("李四", "line2", "2 号楼"));

        long id = placed(listedSku(1_000), chosen);
        order(id).body("deliveryAddress.recipient", equalTo("李四")).body("deliveryAddress.phone", equalTo("13900001234"))
                .body("deliveryAddress.line2", equalTo("2 号楼")).body("deliveryAddress.district", equalTo("西湖区"))
                .body("deliveryAddress.id", nullValue()).body("deliveryAddress", not(hasKey("isDefault")));

        given().auth().oauth2(Tokens.of("shopper")).contentType(ContentType.JSON).body(chinese("王五", "city", "宁波市"))
                .when().put("/addresses/{id}", chosen).then().statusCode(200);
        order(id).body("deliveryAddress.recipient", equalTo("李四")).body("deliveryAddress.city", equalTo("杭州市"));
        given().auth().oauth2(Tokens.of("shopper")).when().delete("/addresses/{id}", chosen).then().statusCode(204);
        order(id).body("deliveryAddress.recipient", equalTo("李四"));
    }

    @Test
    void without_a_choice_the_order_goes_to_the_default_address() {
        added("shopper", chinese("张三"));
        long other = added("shopper", chinese("李四"));
        long id = placed(listedSku(1_000), null);
        order(id).body("deliveryAddress.recipient", equalTo("张三"));

        given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/addresses/{id}/default", other).then().statusCode(200);
        order(placed(listedSku(1_000), null)).body("deliveryAddress.recipient", equalTo("李四"));
    }

    @Test
    void a_shopper_without_any_address_checks_out_without_one() {
        book("shopper").body("$", hasSize(0));
        long id = placed(listedSku(1_000), null);
        order(id).body("deliveryAddress", nullValue()).body("status", equalTo("PENDING"));
    }

    @Test
    void another_shoppers_address_or_an_unknown_one_is_a_422_and_nothing_is_placed() {
        added("shopper", chinese("张三"));
        long theirs = added("shopper2", chinese("赵六"));
        String sku = listedSku(1_000);
        cartOf(sku);
        long orders = ordersOfShopper();

        for (long id : new long[] {theirs, 987_654_321_000L}) {
            checkout(id).statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "address-not-yours"))
                    .body("detail", equalTo("Address " + id + " is not in your address book: choose one of yours. "
                            + "Nothing was ordered."));
        }
        assertEquals(orders, ordersOfShopper());
        given().auth().oauth2(Tokens.of("shopper")).when().get("/cart").then().body("lines.sku", equalTo(List.of(sku)));
        given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("addressId", "abc").when().post("/checkout").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(orders, ordersOfShopper());
    }

    @Test
    void the_shopper_and_the_fulfilling_merchant_see_the_address_and_no_one_else_does() {
        long address = added("shopper", chinese("张三"));
        long id = placed(OperatorOrdersTest.listedSkuOf(Tokens.subjectOf("merchant")), address);

        order(id).body("deliveryAddress.recipient", equalTo("张三"));
        given().auth().oauth2(Tokens.of("merchant")).when().get("/operator/orders/{id}", id).then().statusCode(200)
                .body("deliveryAddress.recipient", equalTo("张三")).body("deliveryAddress.phone", equalTo("13900001234"))
                .body("deliveryAddress.line1", equalTo("文三路 478 号 张三"));
        given().auth().oauth2(Tokens.of("admin")).when().get("/operator/orders/{id}", id).then().statusCode(200)
                .body("deliveryAddress.postcode", equalTo("310013"));
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/orders/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("merchant2")).when().get("/operator/orders/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("merchant")).queryParam("size", 100).when().get("/operator/orders").then()
                .statusCode(200).body("find { it.id == %d }.deliveryAddress".formatted(id), nullValue());
    }

    @Test
    void the_paid_order_tells_shipping_the_country_it_goes_to_and_nothing_else_of_the_address() {
        long abroad = added("shopper", Map.of("recipient", "Jane Doe", "phone", "+1 (415) 555-0100", "country", "US",
                "province", "CA", "city", "San Francisco", "line1", "1 Market St", "postcode", "94105"));
        long id = placed(listedSku(1_000), abroad);
        CheckoutSagaTest.event("test.cart-order.reservation.v1", "StockReserved", id, "");
        CheckoutSagaTest.event("test.cart-order.payment.v1", "PaymentSucceeded", id, "");
        CheckoutSagaTest.awaitStatus(id, "PAID");
        String paid = paidEvent(id);
        assertTrue(paid.contains("\"destinationCountry\":\"US\""), paid);
        for (String plain : List.of("Jane Doe", "4155550100", "555-0100", "Market", "94105")) {
            assertFalse(paid.contains(plain), () -> plain + " in " + paid);
        }
        assertEquals("US", rawColumn("select destination_country from shop_order where id = " + id));
    }

    private static String paidEvent(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id",
                Long.toString(orderId)).stream().map(OutboxEvent::envelope).filter(e -> e.contains("\"type\":\"OrderPaid\""))
                .findFirst().orElseThrow());
    }

    @Test
    void the_copied_address_is_sealed_in_the_database_and_never_published() {
        long address = added("shopper", chinese("欧阳娜娜"));
        long id = placed(listedSku(1_000), address);

        String sealed = rawColumn("select delivery_address from shop_order where id = " + id);
        assertTrue(sealed.startsWith("qm1."), sealed);
        String events = QuarkusTransaction.requiringNew().call(() -> String.join("\n", OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 order by id", Long.toString(id)).stream().map(OutboxEvent::envelope).toList()));
        assertEquals(List.of("OrderPlaced"), eventTypes(id));
        for (String plain : List.of("欧阳娜娜", "13900001234", "文三路", "西湖区", "310013")) {
            assertFalse(sealed.contains(plain), () -> plain + " in " + sealed);
            assertFalse(events.contains(plain), () -> plain + " in " + events);
        }
        order(id).body("deliveryAddress.recipient", equalTo("欧阳娜娜")).body("deliveryAddress.phone", equalTo("13900001234"));
    }

    @Test
    void erasing_the_shoppers_data_empties_the_book_and_makes_their_orders_addresses_unreadable() {
        long address = added("shopper", chinese("张三"));
        long id = placed(listedSku(1_000), address);
        order(id).body("deliveryAddress.recipient", equalTo("张三"));
        String sealed = rawColumn("select delivery_address from shop_order where id = " + id);

        given().auth().oauth2(Tokens.of("shopper")).when().delete("/me/data").then().statusCode(204);
        book("shopper").body("$", hasSize(0));
        order(id).body("deliveryAddress", nullValue()).body("status", equalTo("PENDING"));
        given().auth().oauth2(Tokens.of("admin")).when().get("/operator/orders/{id}", id).then().statusCode(200)
                .body("deliveryAddress", nullValue());
        assertEquals(sealed, rawColumn("select delivery_address from shop_order where id = " + id));

        given().auth().oauth2(Tokens.of("shopper")).when().delete("/me/data").then().statusCode(204);
        long fresh = added("shopper", chinese("新地址"));
        order(placed(listedSku(1_000), fresh)).body("deliveryAddress.recipient", equalTo("新地址"));
        order(id).body("deliveryAddress", nullValue());
    }
}
