package io.quarkmall.shipping.messaging;

import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.shipping.domain.DeliveryService;
import io.quarkmall.shipping.service.ShipmentService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * shipping follows order.v1 alone: a paid order is shipped, once; a cancelled one is stopped if it
 * has not left the warehouse. One ordered stream per order, so a cancellation never overtakes the
 * payment it follows.
 */
@ApplicationScoped
public class OrderEventsConsumer extends InboxConsumer {

    /** The fields shipping reads of order.v1 (docs/events/order.v1.schema.json). */
    record OrderPaid(long orderId, String shopperId, String shippingOption, Integer parcelWeightGrams,
                     String destinationCountry) {}

    record OrderCancelled(long orderId) {}

    OrderEventsConsumer(Inbox inbox, ShipmentService shipments) {
        super(inbox, EventRoutes.of("shipping.orders")
                .on(OrderPaid.class, order -> shipments.shipPaidOrder(order.orderId(), order.shopperId(),
                        DeliveryService.named(order.shippingOption()), order.parcelWeightGrams(),
                        Optional.ofNullable(order.destinationCountry())))
                .on(OrderCancelled.class, order -> shipments.orderCancelled(order.orderId())));
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        receive(message);
    }
}
