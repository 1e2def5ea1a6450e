package io.quarkmall.stack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A producer's contract, checked in the producer's own tests: the sealed set of event records it
 * publishes on a topic, the topic's documented schema (docs/events/{topic}.schema.json), and the
 * events its tests really published. Every published event must be valid against the schema;
 * the records and the schema's event types must be the same set; and the module's tests must
 * have caused every type at least once, so no type goes unchecked.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final Set<String> types;
    private final JsonNode schemaDocument;
    private final JsonSchema schema;

    private EventContract(String topic, Class<?> sealedEvents) {
        if (!sealedEvents.isSealed()) {
            throw new IllegalArgumentException(sealedEvents + " is not a sealed set of event records");
        }
        this.topic = topic;
        this.types = Arrays.stream(sealedEvents.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        try {
            String text = Files.readString(Path.of("..", "docs", "events", topic + ".schema.json"));
            this.schemaDocument = JSON.readTree(text);
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract of {@code topic} (its name without a test prefix, e.g. "order.v1") and its producer's records. */
    public static EventContract of(String topic, Class<?> sealedEvents) {
        return new EventContract(topic, sealedEvents);
    }

    /** Holds {@code envelopes}, the events as published (JSON), to the contract. */
    public void holds(Collection<String> envelopes) {
        var documented = new TreeSet<String>();
        schemaDocument.path("properties").path("type").path("enum").forEach(type -> documented.add(type.asText()));
        assertEquals(documented, types, topic + ": the schema's event types and the producer's records differ");

        var invalid = new ArrayList<String>();
        var seen = new TreeSet<String>();
        for (String envelope : envelopes) {
            JsonNode event = read(envelope);
            seen.add(event.path("type").asText());
            var errors = schema.validate(event);
            if (!errors.isEmpty()) {
                invalid.add(event.path("type").asText() + " " + event.path("payload") + ": " + errors);
            }
        }
        assertEquals(List.of(), invalid, topic + ": published events that break docs/events/" + topic + ".schema.json");
        var unexercised = new TreeSet<>(types);
        unexercised.removeAll(seen);
        assertTrue(unexercised.isEmpty(), topic + ": this module's tests never published " + unexercised
                + ", so their contract is unchecked; add a test that causes them");
        System.out.printf("[contract] %s: %d published events of %d types valid against docs/events/%n", topic,
                envelopes.size(), seen.size());
    }

    private static JsonNode read(String envelope) {
        try {
            return JSON.readTree(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
