package io.quarkmall.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Edits racing a delisting: whatever the order, the product ends off sale and its last event says so. */
@QuarkusTest
class ConcurrentProductChangesTest {

    private static final int EDITS = 15;

    @Test
    void fifteen_edits_racing_a_delisting_never_put_the_product_back_on_sale() throws Exception {
        String marker = "c" + UUID.randomUUID().toString().substring(0, 8);
        String merchant = Tokens.of("merchant");
        long id = given().auth().oauth2(merchant).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body(marker, 1000)).when().post("/merchant/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(merchant).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/merchant/products/{id}/listing", id).then().statusCode(200);

        var pool = Executors.newFixedThreadPool(EDITS + 1);
        var start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < EDITS; i++) {
            long price = 2000 + i;
            statuses.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(merchant).contentType(ContentType.JSON).body(body(marker, price))
                        .when().put("/merchant/products/{id}", id).then().extract().statusCode();
            }));
        }
        Future<Integer> delisting = pool.submit(() -> {
            start.await();
            return given().auth().oauth2(merchant).header("Idempotency-Key", UUID.randomUUID().toString())
                    .when().post("/merchant/products/{id}/delisting", id).then().extract().statusCode();
        });
        start.countDown();
        for (Future<Integer> status : statuses) {
            assertEquals(200, status.get());
        }
        assertEquals(200, delisting.get());
        pool.shutdown();

        given().auth().oauth2(merchant).when().get("/merchant/products/{id}", id).then().statusCode(200)
                .body("status", equalTo("DELISTED"));
        given().when().get("/products/{id}", id).then().statusCode(404);
        List<String> events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 order by id", Long.toString(id)).stream()
                .map(e -> e.envelope().replaceAll(".*\"type\":\"(\\w+)\".*", "$1")).toList());
        assertEquals("ProductDelisted", events.getLast(), "the last event of " + events);
    }

    private static String body(String marker, long priceMinor) {
        return """
                {"names": {"zh-CN": "竞速 %1$s"},
                 "skus": [{"sku": "%1$s-1", "price": {"amountMinor": %2$d, "currency": "CNY"}}]}"""
                .formatted(marker, priceMinor);
    }
}
