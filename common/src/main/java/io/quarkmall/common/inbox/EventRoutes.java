package io.quarkmall.common.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Which handler applies which event type of a topic, for one consumer. The event type is the
 * simple name of the consumer's own record for it (the record {@code OrderPaid} receives the
 * events of type {@code OrderPaid}), so no type string is written twice and no consumer switches
 * on strings. Types without a route are not this consumer's business and are skipped.
 *
 * <pre>{@code
 * EventRoutes.of("shipping.orders")
 *         .on(OrderPaid.class, paid -> shipments.ship(paid.orderId(), paid.shopperId()))
 *         .on(OrderCancelled.class, cancelled -> shipments.stop(cancelled.orderId()));
 * }</pre>
 */
public final class EventRoutes {

    /** One event type's route: the record its payload is read into and what applies it. */
    record Route<T extends Record>(Class<T> payloadType, BiConsumer<T, Instant> handler) {
        void apply(Object payload, Instant occurredAt) {
            handler.accept(payloadType.cast(payload), occurredAt);
        }
    }

    private final String consumer;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();

    private EventRoutes(String consumer) {
        this.consumer = consumer;
    }

    /** {@code consumer} names this consumer in the inbox: one name per service and topic, never reused. */
    public static EventRoutes of(String consumer) {
        return new EventRoutes(consumer);
    }

    public <T extends Record> EventRoutes on(Class<T> payloadType, Consumer<T> handler) {
        return on(payloadType, (event, occurredAt) -> handler.accept(event));
    }

    /** For a handler that also needs when the event occurred (to let a newer fact win over an older one). */
    public <T extends Record> EventRoutes on(Class<T> payloadType, BiConsumer<T, Instant> handler) {
        if (routes.putIfAbsent(payloadType.getSimpleName(), new Route<>(payloadType, handler)) != null) {
            throw new IllegalArgumentException(consumer + " routes " + payloadType.getSimpleName() + " twice");
        }
        return this;
    }

    String consumer() {
        return consumer;
    }

    Optional<Route<?>> routeOf(String type) {
        return Optional.ofNullable(routes.get(type));
    }
}
