package io.quarkmall.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation against every kind of caller (none, shopper, another shopper, merchant, another
 * merchant, admin) and owner: the role gate read from the OpenAPI documents, the ownership rules
 * written out, and read-only fields sent in bodies, which are ignored or refused.
 */
@ExtendWith(Mall.class)
class AccessMatrixTest {

    /** Realm roles of the demo users: everyone is a shopper by default. */
    static final Map<String, Set<String>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("shopper", Set.of("shopper"));
        ROLES.put("shopper2", Set.of("shopper"));
        ROLES.put("merchant", Set.of("merchant", "shopper"));
        ROLES.put("merchant2", Set.of("merchant", "shopper"));
        ROLES.put("admin", Set.of("admin", "merchant", "shopper"));
    }

    private static String sku;
    private static long productId;
    private static long orderId;
    private static long paymentId;

    /** merchant lists a product; shopper buys and pays for it. */
    @BeforeAll
    static void owned_things() {
        sku = "E2E-ACL-" + Shop.marker();
        productId = Shop.listProduct(sku, "门禁 " + sku, 5_000, 10);
        Shop.awaitFindable(sku, productId, sku);
        orderId = Shop.orderOf("shopper", sku, 1);
        Shop.awaitStatus("shopper", orderId, "STOCK_RESERVED");
        // the amount and the status sent along are the client's wish, not the payment's
        String forged = "{\"orderId\":%d,\"channel\":\"sandbox\",\"token\":\"tok_sandbox_success\",".formatted(orderId)
                + "\"amount\":{\"amountMinor\":1,\"currency\":\"CNY\"},\"status\":\"REFUNDED\"}";
        io.restassured.response.Response[] paid = new io.restassured.response.Response[1];
        org.awaitility.Awaitility.await().atMost(Shop.SAGA)
                .until(() -> (paid[0] = Shop.post("shopper", "/api/pay/payments", forged)).statusCode() != 404);
        paymentId = paid[0].then().statusCode(201).extract().jsonPath().getLong("id");
        org.awaitility.Awaitility.await().atMost(Shop.SAGA)
                .untilAsserted(() -> Shop.stock(sku).body("onHand", equalTo(9)).body("reserved", equalTo(0)));
    }

    @Test
    void every_operation_lets_in_exactly_the_roles_it_names() throws Exception {
        var unexpected = new ArrayList<String>();
        int checks = 0;
        for (ApiOperations.Operation op : ApiOperations.load().all()) {
            checks++;
            int anonymous = call(null, op);
            if (op.isPublic() ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                unexpected.add(op + " without a token answered " + anonymous);
            }
            for (var user : ROLES.entrySet()) {
                checks++;
                boolean allowed = op.isPublic() || user.getValue().stream().anyMatch(op.roles()::contains);
                int status = call(user.getKey(), op);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    unexpected.add(op + " as " + user.getKey() + " answered " + status + (allowed ? " (allowed)" : " (not allowed)"));
                }
            }
        }
        System.out.printf("access matrix: %d checks (operations × 6 callers), %d unexpected%n", checks, unexpected.size());
        assertEquals(List.of(), unexpected);
    }

    /** Ids nobody has and no Idempotency-Key: past the role gate an operation refuses, it never acts. */
    private static int call(String user, ApiOperations.Operation op) {
        String path = op.path().replaceAll("\\{(id|[a-z]+Id)}", "999999999").replaceAll("\\{[A-Za-z]+}", "NO-SUCH-SKU");
        RequestSpecification request = user == null ? given() : given().auth().oauth2(Tokens.of(user));
        if (op.bodySchema() != null) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.when().request(op.method(), path).statusCode();
    }

    @Test
    void another_shopper_sees_none_of_a_shoppers_order_payment_or_parcel() {
        as("shopper2").get("/api/cart-order/orders/{id}", orderId).then().statusCode(404);
        as("shopper2").get("/api/cart-order/orders/{id}/timeline", orderId).then().statusCode(404);
        as("shopper2").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/cart-order/orders/{id}/cancellation", orderId).then().statusCode(404);
        as("shopper2").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/cart-order/orders/{id}/receipt", orderId).then().statusCode(404);
        as("shopper2").get("/api/cart-order/orders/{id}/after-sales", orderId).then().statusCode(404);
        as("shopper2").contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"reason\":\"NOT_RECEIVED\"}").post("/api/cart-order/orders/{id}/after-sales", orderId)
                .then().statusCode(404);
        as("shopper2").get("/api/cart-order/orders").then().statusCode(200).body("id", not(hasItem((int) orderId)));
        as("shopper2").get("/api/pay/payments/{id}", paymentId).then().statusCode(404);
        as("shopper2").get("/api/pay/payments").then().statusCode(200).body("id", not(hasItem((int) paymentId)));
        as("shopper2").contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"orderId\":" + orderId + ",\"channel\":\"sandbox\",\"token\":\"tok_sandbox_success\"}")
                .post("/api/pay/payments").then().statusCode(404);
        as("shopper2").get("/api/shipping/shipments").then().statusCode(200).body("orderId", not(hasItem((int) orderId)));
        Shop.order("shopper", orderId).body("status", not(equalTo("CANCELLED")));
    }

    @Test
    void another_merchant_sees_none_of_a_merchants_product_stock_or_orders() {
        as("merchant2").get("/api/catalog/merchant/products/{id}", productId).then().statusCode(404);
        as("merchant2").contentType(ContentType.JSON).body("{\"names\":{\"en\":\"taken\"},\"skus\":[{\"sku\":\"" + sku
                + "\",\"price\":{\"amountMinor\":1,\"currency\":\"CNY\"}}]}")
                .put("/api/catalog/merchant/products/{id}", productId).then().statusCode(404);
        as("merchant2").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/catalog/merchant/products/{id}/delisting", productId).then().statusCode(404);
        as("merchant2").get("/api/catalog/merchant/products").then().statusCode(200).body("id", not(hasItem((int) productId)));
        as("merchant2").get("/api/stock/stock/{sku}", sku).then().statusCode(404);
        as("merchant2").contentType(ContentType.JSON).body("{\"onHand\":56}").put("/api/stock/stock/{sku}", sku)
                .then().statusCode(404);
        as("merchant2").get("/api/stock/stock").then().statusCode(200).body("sku", not(hasItem(sku)));
        as("merchant2").contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"outcome\":\"WRITE_OFF\",\"units\":1}")
                .post("/api/stock/levels/{sku}/DEFAULT/quarantine-decisions", sku).then().statusCode(404);
        as("merchant2").get("/api/cart-order/operator/orders/{id}", orderId).then().statusCode(404);
        as("merchant2").get("/api/cart-order/operator/orders/{id}/packing-list", orderId).then().statusCode(404);
        as("merchant2").get("/api/cart-order/operator/orders/{id}/label", orderId).then().statusCode(404);
        Shop.stock(sku).body("onHand", equalTo(9));
        given().when().get("/api/catalog/products/{id}", productId).then().statusCode(200).body("status", equalTo("LISTED"));
    }

    @Test
    void an_admin_sees_every_merchants_stock_and_orders() {
        as("admin").get("/api/stock/stock/{sku}", sku).then().statusCode(200).body("onHand", equalTo(9));
        as("admin").get("/api/cart-order/operator/orders/{id}", orderId).then().statusCode(200);
        as("merchant").get("/api/cart-order/operator/orders/{id}", orderId).then().statusCode(200);
    }

    @Test
    void read_only_fields_in_a_body_are_ignored_or_refused() {
        // a product's status, owner and id are the server's
        String foreign = "E2E-ACL-F-" + Shop.marker();
        var created = Shop.post("merchant", "/api/catalog/merchant/products", """
                {"id": 1, "status": "LISTED", "merchantId": "someone-else",
                 "names": {"en": "Forged %s"}, "skus": [{"sku": "%s", "price": {"amountMinor": 100, "currency": "CNY"}}]}"""
                .formatted(foreign, foreign));
        int status = created.statusCode();
        if (status == 201) {
            long id = created.jsonPath().getLong("id");
            created.then().body("status", equalTo("DRAFT"));
            as("merchant").get("/api/catalog/merchant/products/{id}", id).then().statusCode(200);
            as("merchant2").get("/api/catalog/merchant/products/{id}", id).then().statusCode(404);
        } else {
            assertEquals(400, status, "refused, then as a bad request");
        }
        // a cart line's price is the catalog's
        Shop.emptyCart("shopper2");
        var line = as("shopper2").contentType(ContentType.JSON)
                .body("{\"quantity\":1,\"unitPrice\":{\"amountMinor\":1,\"currency\":\"CNY\"},\"price\":1}")
                .put("/api/cart-order/cart/lines/{sku}", sku);
        if (line.statusCode() == 200) {
            as("shopper2").get("/api/cart-order/cart").then().statusCode(200)
                    .body("lines[0].unitPrice.amountMinor", equalTo(5_000));
        } else {
            assertEquals(400, line.statusCode());
        }
        Shop.emptyCart("shopper2");
        // stock's reserved and available are worked out, never set
        long reserved = Shop.stock(sku).extract().jsonPath().getLong("reserved");
        var count = as("merchant").contentType(ContentType.JSON)
                .body("{\"onHand\":9,\"reserved\":-100,\"available\":1000}").put("/api/stock/stock/{sku}", sku);
        if (count.statusCode() == 200) {
            Shop.stock(sku).body("reserved", equalTo((int) reserved)).body("onHand", equalTo(9));
        } else {
            assertEquals(400, count.statusCode());
        }
        // a payment's amount and status are the order's and the channel's
        as("shopper").get("/api/pay/payments/{id}", paymentId).then().statusCode(200)
                .body("amount.amountMinor", equalTo(5_000)).body("status", equalTo("CAPTURED"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).when();
    }
}
