package io.quarkmall.stock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What catalog tells stock about SKUs (catalog.product.v1), put on stock's own test topic: a SKU
 * exists for stock, and belongs to a merchant, only once catalog has announced it.
 */
final class CatalogAnnouncements {

    static final String TOPIC = "test.stock.catalog.product.v1";
    /** The first announcement of a run also waits for the consumer to join its group. */
    private static final Duration KNOWN = Duration.ofSeconds(60);

    private CatalogAnnouncements() {
    }

    /** A SKU code no other test run uses. */
    static String newSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes one event of a new product with these SKUs and returns its envelope, to send again. */
    static String publish(String type, String merchantId, String... skus) {
        long productId = SagaEvents.newOrderId();
        String skuList = Arrays.stream(skus).map("{\"sku\":\"%s\"}"::formatted).collect(Collectors.joining(","));
        return SagaEvents.publish(TOPIC, type, productId,
                "{\"productId\":%d,\"merchantId\":\"%s\",\"skus\":[%s]}".formatted(productId, merchantId, skuList));
    }

    /** A merchant drafted a product with these SKUs, and stock now knows them as that merchant's. */
    static void drafted(String merchantId, String... skus) {
        publish("ProductDrafted", merchantId, skus);
        Arrays.stream(skus).forEach(sku -> awaitOwner(sku, merchantId));
    }

    static void awaitOwner(String sku, String merchantId) {
        await().atMost(KNOWN).pollInterval(Duration.ofMillis(100)).until(() -> merchantId.equals(ownerOf(sku)));
    }

    /** The merchant the SKU belongs to for stock, or null while stock does not know it. */
    static String ownerOf(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> StockLevel.ofSku(sku).map(StockLevel::merchantId).orElse(null));
    }

    /** A SKU of the demo merchant, announced by catalog and counted by the merchant through the API. */
    static String stocked(String prefix, long onHand) {
        String sku = newSku(prefix);
        drafted(Tokens.subjectOf("merchant"), sku);
        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON).body("{\"onHand\":" + onHand + "}")
                .when().put("/stock/{sku}", sku).then().statusCode(200);
        return sku;
    }
}
