package io.quarkmall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documented contracts are the real ones: every event the other end-to-end tests made the
 * services publish (read back from Kafka) is valid against its topic's schema in docs/events/.
 * Runs after them.
 */
@ExtendWith(Mall.class)
@Order(Integer.MAX_VALUE)
class EventContractTest {

    private static final List<String> TOPICS = List.of("catalog.product.v1", "order.v1", "stock.reservation.v1",
            "payment.v1", "loyalty.points.v1", "loyalty.coupons.v1", "shipping.shipment.v1");
    /** What the journeys before this test certainly caused. */
    private static final Set<String> EXPECTED = Set.of("ProductListed", "OrderPlaced", "OrderAwaitingPayment",
            "OrderPaid", "OrderFulfilling", "OrderShipped", "OrderDelivered", "OrderRefundApproved", "OrderReturnReceived", "OrderRefunded",
            "OrderCancelled", "OrderCompleted", "StockReserved", "StockRejected", "StockReleased", "PaymentSucceeded",
            "PaymentFailed", "PaymentRefunded", "PointsCredited", "PointsDebited", "PointsHeld", "PointsHoldRefused", "CouponsUsed",
            "ShipmentCreated", "ShipmentPickedUp",
            "ShipmentInTransit", "ShipmentDelivered");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_event_published_in_this_run_matches_its_documented_schema() throws Exception {
        Path docs = Path.of(System.getProperty("quarkmall.root", "..")).resolve("docs/events");
        var seen = new TreeSet<String>();
        var invalid = new ArrayList<String>();
        int checked = 0;
        for (String topic : TOPICS) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(docs.resolve(topic + ".schema.json")));
            for (ConsumerRecord<String, String> record : thisRunsRecords(topic)) {
                JsonNode event = json.readTree(record.value());
                checked++;
                seen.add(event.path("type").asText());
                var errors = schema.validate(event);
                if (!errors.isEmpty()) {
                    invalid.add(topic + " " + event.path("type").asText() + ": " + errors);
                }
                if (!record.key().equals(event.path("aggregateId").asText())) {
                    invalid.add(topic + ": record key " + record.key() + " is not the aggregate id");
                }
            }
        }
        assertEquals(List.of(), invalid, "events that break their documented contract");
        var missing = new TreeSet<>(EXPECTED);
        missing.removeAll(seen);
        assertEquals(Set.of(), missing, "event types the journeys should have caused but did not");
        System.out.printf("[e2e] %d events of %d types checked against docs/events/: all valid%n", checked, seen.size());
    }

    /** The topic's records since the mall started: seek there by timestamp, read to the current end. */
    private List<ConsumerRecord<String, String>> thisRunsRecords(String topic) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", "127.0.0.1:19092",
                "enable.auto.commit", false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            var since = new HashMap<TopicPartition, Long>();
            partitions.forEach(p -> since.put(p, Mall.startedAt().toEpochMilli()));
            consumer.offsetsForTimes(since).forEach((partition, found) ->
                    consumer.seek(partition, found == null ? end.get(partition) : found.offset()));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
        }
        return records;
    }
}
