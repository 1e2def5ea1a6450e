package io.quarkmall.shipping.messaging;

import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.shipping.service.ShipmentService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A cancelled order's parcel is stopped if it has not left the warehouse. */
@ApplicationScoped
public class OrderEventsConsumer {

    /** The fields shipping reads of order.v1 payloads (docs/events/order.v1.schema.json). */
    record Order(long orderId) {}

    private final Inbox inbox;
    private final ShipmentService shipments;

    OrderEventsConsumer(Inbox inbox, ShipmentService shipments) {
        this.inbox = inbox;
        this.shipments = shipments;
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        inbox.applyOnce("shipping.orders", message, Order.class, (type, order) -> {
            if (type.equals("OrderCancelled")) {
                shipments.orderCancelled(order.orderId());
            }
        });
    }
}
