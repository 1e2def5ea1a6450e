package io.quarkmall.common.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.common.testapp.NoteResource;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void events_committed_before_a_crash_are_published_after_the_restart_once_each() throws Exception {
        // The relay is not running (as if the service died right after its commits).
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Tokens.of("shopper")).contentType("application/json")
                    .header("Idempotency-Key", marker + i).body(Map.of("text", marker + " #" + i))
                    .when().post("/notes").then().statusCode(201);
        }
        assertEquals(3, unsent(marker), "committed with their notes, not yet published");

        // The restarted service's relay publishes them...
        relay.relayDue();
        assertEquals(0, unsent(marker));
        List<EventEnvelope> published = consume(NoteResource.TOPIC, marker, 3, Duration.ofSeconds(20));
        assertEquals(3, published.size());
        assertEquals(3, published.stream().map(EventEnvelope::eventId).distinct().count());
        assertTrue(published.stream().allMatch(e -> e.type().equals("NoteCreated")));

        // ...and a later run sends none of them again.
        relay.relayDue();
        assertEquals(3, consume(NoteResource.TOPIC, marker, 4, Duration.ofSeconds(5)).size());
    }

    @Test
    void a_failing_send_backs_off_and_holds_back_only_its_own_aggregate() {
        String marker = UUID.randomUUID().toString();
        String unpublishable = "not a valid topic!";
        UUID first = record(unpublishable, "order-1-" + marker, marker);
        UUID second = record(unpublishable, "order-1-" + marker, marker);
        UUID other = record(NoteResource.TOPIC, "order-2-" + marker, marker);

        relay.relayDue();

        OutboxEvent failed = event(first);
        assertNull(failed.sentAt());
        assertEquals(1, failed.attempts());
        assertTrue(failed.nextAttemptAt().isAfter(Instant.now()), "retried later, not in a tight loop");
        assertEquals(0, event(second).attempts(), "waits behind the first event of its aggregate");
        assertNotNull(event(other).sentAt(), "other aggregates are not held up");

        // The unpublishable events would be retried forever in later runs: take them out again.
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("eventId in ?1", List.of(first, second)));
    }

    @Test
    void a_batch_sent_at_once_keeps_each_aggregates_events_in_order() throws Exception {
        String marker = UUID.randomUUID().toString();
        var keys = List.of("order-1-" + marker, "order-2-" + marker, "order-3-" + marker);
        for (int i = 0; i < 4; i++) {
            for (String key : keys) {
                record(NoteResource.TOPIC, key, marker + " " + key + " #" + i);
            }
        }

        // A batch holds one event per aggregate, all in flight together: four runs send the twelve.
        for (int i = 0; i < 4; i++) {
            assertEquals(12 - 3 * i, unsent(marker));
            relay.relayDue();
        }
        assertEquals(0, unsent(marker));

        List<EventEnvelope> published = consume(NoteResource.TOPIC, marker, 12, Duration.ofSeconds(20));
        assertEquals(12, published.size());
        for (String key : keys) {
            var texts = published.stream().map(e -> e.payload().get("text").asText()).filter(t -> t.contains(key)).toList();
            assertEquals(List.of(0, 1, 2, 3).stream().map(i -> marker + " " + key + " #" + i).toList(), texts);
        }
    }

    /** A test event: its type is its name, Marked. */
    record Marked(String text) {}

    private UUID record(String topic, String key, String marker) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.record(topic, key, new Marked(marker)));
    }

    private static OutboxEvent event(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("eventId", eventId).singleResult());
    }

    private static long unsent(String marker) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("sentAt is null and envelope like ?1", "%" + marker + "%"));
    }

    /** Reads the topic from its start until {@code atLeast} matching events arrived or the window passed. */
    private List<EventEnvelope> consume(String topic, String marker, int atLeast, Duration window) throws Exception {
        var p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var found = new ArrayList<EventEnvelope>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(window);
            while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(marker)) {
                        found.add(json.readValue(record.value(), EventEnvelope.class));
                    }
                }
            }
        }
        return found;
    }
}
