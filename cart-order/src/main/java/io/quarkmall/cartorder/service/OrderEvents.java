package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.OrderEvent;
import io.quarkmall.common.live.LiveSignals;
import io.quarkmall.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Publishes the order.v1 events (docs/events/order.v1.schema.json) through the outbox, in the caller's
 * transaction, and tells the exchange a replacement order was placed for when it is delivered or
 * cancelled ({@link ReplacementMoved}, observed in the same transaction).
 */
@ApplicationScoped
public class OrderEvents {

    /** A replacement order (kind EXCHANGE) was delivered, or else cancelled. */
    public record ReplacementMoved(long replacementOrderId, long originalOrderId, boolean delivered) {}

    private final Outbox outbox;
    private final OrderConfig config;
    private final LiveSignals live;
    private final Event<ReplacementMoved> replacements;

    OrderEvents(Outbox outbox, OrderConfig config, LiveSignals live, Event<ReplacementMoved> replacements) {
        this.outbox = outbox;
        this.config = config;
        this.live = live;
        this.replacements = replacements;
    }

    /** A new order, once it has its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(Order order) {
        record(new OrderEvent.OrderPlaced(order.id(), order.shopperId(), OrderEvent.Line.of(order), order.total(),
                order.subtotal(), order.pointsUsed(), order.pointsDiscount(), order.couponIds(), order.couponDiscount(),
                order.flashSaleTicket().map(UUID::toString).orElse(null), order.delivery().option().name(),
                order.delivery().fee(), order.replacementFor().orElse(null)));
    }

    /** The events of the changes just made to {@code order}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishChanges(Order order) {
        var events = order.takeEvents();
        events.forEach(this::record);
        if (events.isEmpty()) { // a step that changes no status (a failed payment attempt) still reaches live pages
            live.changed(config.topic(), Long.toString(order.id()));
        }
        order.replacementFor().ifPresent(original -> events.stream()
                .filter(e -> e instanceof OrderEvent.OrderDelivered || e instanceof OrderEvent.OrderCancelled)
                .forEach(e -> replacements.fire(new ReplacementMoved(order.id(), original,
                        e instanceof OrderEvent.OrderDelivered))));
    }

    private void record(OrderEvent event) {
        outbox.record(config.topic(), Long.toString(event.orderId()), event);
    }
}
