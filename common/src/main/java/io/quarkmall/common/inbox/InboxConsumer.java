package io.quarkmall.common.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What every Kafka consumer of the mall is: its routes (one handler per event type it reads),
 * applied once each through the {@link Inbox}. A subclass declares its records, builds its routes
 * in its constructor and names its channel:
 *
 * <pre>{@code
 * @Incoming("orders")
 * @Blocking
 * public void onOrderEvent(String message) throws Exception {
 *     receive(message);
 * }
 * }</pre>
 */
public abstract class InboxConsumer {

    private Inbox inbox;
    private EventRoutes routes;

    protected InboxConsumer(Inbox inbox, EventRoutes routes) {
        this.inbox = inbox;
        this.routes = routes;
    }

    /** For the container's client proxy only; a proxy delegates every call to the real bean. */
    protected InboxConsumer() {
    }

    /** Applies the message's event once if this consumer routes its type; see {@link Inbox#deliver}. */
    protected final void receive(String message) throws JsonProcessingException {
        inbox.deliver(message, routes);
    }
}
