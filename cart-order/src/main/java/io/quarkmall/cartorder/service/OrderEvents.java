package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.OrderEvent;
import io.quarkmall.common.live.LiveSignals;
import io.quarkmall.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Publishes the order.v1 events (docs/events/order.v1.schema.json) through the outbox, in the caller's transaction. */
@ApplicationScoped
public class OrderEvents {

    private final Outbox outbox;
    private final OrderConfig config;
    private final LiveSignals live;

    OrderEvents(Outbox outbox, OrderConfig config, LiveSignals live) {
        this.outbox = outbox;
        this.config = config;
        this.live = live;
    }

    /** A new order, once it has its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(Order order) {
        record(new OrderEvent.OrderPlaced(order.id(), order.shopperId(), OrderEvent.Line.of(order), order.total(),
                order.subtotal(), order.pointsUsed(), order.pointsDiscount(), order.couponIds(), order.couponDiscount(),
                order.flashSaleTicket().map(UUID::toString).orElse(null), order.delivery().option().name(),
                order.delivery().fee()));
    }

    /** The events of the changes just made to {@code order}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishChanges(Order order) {
        var events = order.takeEvents();
        events.forEach(this::record);
        if (events.isEmpty()) { // a step that changes no status (a failed payment attempt) still reaches live pages
            live.changed(config.topic(), Long.toString(order.id()));
        }
    }

    private void record(OrderEvent event) {
        outbox.record(config.topic(), Long.toString(event.orderId()), event);
    }
}
