package io.quarkmall.stack.testing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts events on the local stack's Kafka in the envelope every Quarkmall topic carries
 * (docs/events/), as another service's outbox would: tests drive a consumer with real messages.
 */
public final class SagaEvents {

    private static final String BOOTSTRAP = "127.0.0.1:19092";

    private SagaEvents() {
    }

    /** Publishes one event and returns its envelope; send the same envelope again to test redelivery. */
    public static String publish(String topic, String type, long aggregateId, String payloadJson) {
        String envelope = """
                {"eventId":"%s","type":"%s","occurredAt":"%s","aggregateId":"%d","payload":%s}"""
                .formatted(UUID.randomUUID(), type, Instant.now(), aggregateId, payloadJson);
        send(topic, aggregateId, envelope);
        return envelope;
    }

    public static void send(String topic, long aggregateId, String envelope) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", BOOTSTRAP),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, Long.toString(aggregateId), envelope)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic + " on the local Kafka", e);
        }
    }

    /** A fresh id for an order no other test run uses. */
    public static long newOrderId() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
    }
}
