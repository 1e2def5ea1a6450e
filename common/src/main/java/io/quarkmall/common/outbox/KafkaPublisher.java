package io.quarkmall.common.outbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends outbox events, each acknowledged by all in-sync replicas.
 * Idempotent producer: a retried send never duplicates a record within the producer's session.
 */
@ApplicationScoped
class KafkaPublisher {

    private final String bootstrapServers;
    private final Optional<String> securityProtocol;
    private KafkaProducer<String, String> producer;

    KafkaPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                   @ConfigProperty(name = "kafka.security.protocol") Optional<String> securityProtocol) {
        this.bootstrapServers = bootstrapServers;
        this.securityProtocol = securityProtocol;
    }

    /**
     * Hands the event to the producer without waiting, so several sends share a request to the
     * broker; {@link PendingSend#await} waits for the acknowledgement. A record the producer
     * refuses at once (an invalid topic name) is a send that failed.
     */
    PendingSend send(OutboxEvent event) {
        try {
            return new PendingSend(producer().send(new ProducerRecord<>(event.topic(), event.recordKey(), event.envelope())));
        } catch (RuntimeException refused) {
            return new PendingSend(CompletableFuture.failedFuture(refused));
        }
    }

    /** A send in flight. */
    record PendingSend(Future<RecordMetadata> acknowledgement) {
        /** Waits up to 15 s for the broker's acknowledgement; throws what made the send fail. */
        void await() throws Exception {
            try {
                acknowledgement.get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        /** True if the broker has acknowledged it already; never waits. */
        boolean acknowledged() {
            return acknowledgement.state() == Future.State.SUCCESS;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            var p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
            securityProtocol.ifPresent(protocol -> p.put("security.protocol", protocol));
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}
