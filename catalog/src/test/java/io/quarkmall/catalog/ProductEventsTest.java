package io.quarkmall.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.catalog.service.SkuOwnerBackfill;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What catalog tells other services about a merchant's SKUs, read back from its topic as they read it. */
@QuarkusTest
class ProductEventsTest {

    private static final String TOPIC = "test.catalog.product.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaConsumer<String, String> consumer;

    /** Reads from the end of the topic as it is now: only what this class's requests cause. */
    @BeforeAll
    static void readFromNow() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap), new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // seekToEnd is lazy: fix the positions before anything is published
    }

    @AfterAll
    static void close() {
        consumer.close();
    }

    private static String product(String marker, String... colours) {
        List<String> skus = new ArrayList<>();
        for (String colour : colours) {
            skus.add("{\"sku\": \"%s-%s\", \"price\": {\"amountMinor\": 5900, \"currency\": \"CNY\"}}".formatted(marker, colour));
        }
        return "{\"names\": {\"zh-CN\": \"围巾 %s\", \"en\": \"Scarf %s\"}, \"skus\": [%s]}"
                .formatted(marker, marker, String.join(",", skus));
    }

    /** The first event of the given type about the product to reach the topic within 30 s. */
    private static JsonNode published(String type, long productId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                JsonNode event = JSON.readTree(record.value());
                if (record.key().equals(Long.toString(productId)) && event.path("type").asText().equals(type)) {
                    return event;
                }
            }
        }
        throw new AssertionError("no " + type + " of product " + productId + " within 30 s");
    }

    private static List<String> skuCodes(JsonNode payload) {
        List<String> codes = new ArrayList<>();
        payload.path("skus").forEach(sku -> codes.add(sku.path("sku").asText()));
        return codes;
    }

    @Test
    void creating_a_product_announces_its_skus_and_merchant_while_it_is_a_draft() throws Exception {
        String marker = "p" + UUID.randomUUID().toString().substring(0, 8);
        long id = given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(product(marker, "RED", "BLUE")).when().post("/merchant/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        JsonNode drafted = published("ProductDrafted", id);

        assertEquals(Long.toString(id), drafted.path("aggregateId").asText());
        assertEquals(id, drafted.path("payload").path("productId").asLong());
        assertEquals(Tokens.subjectOf("merchant"), drafted.path("payload").path("merchantId").asText());
        assertEquals(List.of(marker + "-RED", marker + "-BLUE"), skuCodes(drafted.path("payload")));
    }

    @Inject
    SkuOwnerBackfill backfill;
    @Inject
    EntityManager em;

    @Test
    void products_from_before_drafts_were_announced_are_announced_once_by_the_backfill() throws Exception {
        String marker = "b" + UUID.randomUUID().toString().substring(0, 8);
        long id = given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(product(marker, "RED")).when().post("/merchant/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        published("ProductDrafted", id);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE catalog_backfill SET done_at = NULL")
                .executeUpdate());

        assertTrue(backfill.run());
        JsonNode again = published("ProductDrafted", id);
        assertEquals(List.of(marker + "-RED"), skuCodes(again.path("payload")));
        assertFalse(backfill.run(), "the backfill runs once");
    }

    @Test
    void an_edit_announces_the_skus_it_adds_and_only_those() throws Exception {
        String marker = "q" + UUID.randomUUID().toString().substring(0, 8);
        long id = given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(product(marker, "RED")).when().post("/merchant/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON).body(product(marker, "RED", "GREEN"))
                .when().put("/merchant/products/{id}", id).then().statusCode(200);

        JsonNode added = published("ProductSkusAdded", id);
        assertEquals(Tokens.subjectOf("merchant"), added.path("payload").path("merchantId").asText());
        assertEquals(List.of(marker + "-GREEN"), skuCodes(added.path("payload")));
    }

    @Test
    void a_listing_announces_each_skus_points_price_points_plus_cash_limit_and_weight() throws Exception {
        String marker = "w" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"names": {"en": "Mug %1$s"},
                 "skus": [{"sku": "%1$s-A", "price": {"amountMinor": 4900, "currency": "CNY"}, "pointsPrice": 300,
                           "pointsCash": {"amountMinor": 990, "currency": "CNY"}, "redeemLimitPerShopper": 2,
                           "weightGrams": 750},
                          {"sku": "%1$s-B", "price": {"amountMinor": 4900, "currency": "CNY"}}]}""".formatted(marker);
        long id = given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/merchant/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/merchant/products/{id}/listing", id).then().statusCode(200);

        JsonNode skus = published("ProductListed", id).path("payload").path("skus");
        assertEquals(300, skus.get(0).path("pointsPrice").asLong());
        assertEquals(JSON.readTree("{\"amountMinor\": 990, \"currency\": \"CNY\"}"), skus.get(0).path("pointsCash"));
        assertEquals(2, skus.get(0).path("redeemLimitPerShopper").asInt());
        assertTrue(skus.get(1).path("pointsCash").isNull() || skus.get(1).path("pointsCash").isMissingNode());
        assertTrue(skus.get(1).path("redeemLimitPerShopper").isNull() || skus.get(1).path("redeemLimitPerShopper").isMissingNode());
        assertEquals(750, skus.get(0).path("weightGrams").asInt());
        assertTrue(skus.get(1).path("weightGrams").isNull() || skus.get(1).path("weightGrams").isMissingNode());
    }
}
