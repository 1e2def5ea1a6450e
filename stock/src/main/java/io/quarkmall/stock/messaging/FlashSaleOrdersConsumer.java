package io.quarkmall.stock.messaging;

import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.stock.service.FlashSaleReturns;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows order.v1 (its own consumer group) for the orders that carry a flash-sale ticket: placed
 * links the ticket to the order, paid keeps its unit sold, cancelled gives the unit back to the
 * sale. Each event is applied once (inbox); orders without a ticket change nothing.
 */
@ApplicationScoped
public class FlashSaleOrdersConsumer extends InboxConsumer {

    /** The fields read of order.v1; {@code flashSaleTicket} is set on orders made from a FlashSaleAdmitted. */
    record OrderPlaced(long orderId, String flashSaleTicket) {
        Optional<UUID> ticket() {
            try {
                return Optional.ofNullable(flashSaleTicket).map(UUID::fromString);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    record OrderPaid(long orderId) {}

    record OrderCancelled(long orderId) {}

    FlashSaleOrdersConsumer(Inbox inbox, FlashSaleReturns tickets) {
        super(inbox, EventRoutes.of("stock.flashsale-orders")
                .on(OrderPlaced.class, order -> order.ticket().ifPresent(t -> tickets.ordered(order.orderId(), t)))
                .on(OrderPaid.class, order -> tickets.paid(order.orderId()))
                .on(OrderCancelled.class, order -> tickets.cancelled(order.orderId())));
    }

    @Incoming("flashsale-orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        receive(message);
    }
}
