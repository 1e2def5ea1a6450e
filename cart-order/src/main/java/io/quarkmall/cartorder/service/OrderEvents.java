package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** The order.v1 events (docs/events/order.v1.schema.json), recorded in the caller's transaction. */
@ApplicationScoped
public class OrderEvents {

    private final Outbox outbox;
    private final OrderConfig config;

    OrderEvents(Outbox outbox, OrderConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(Order order) {
        var lines = order.lines().stream().map(line -> Map.of("sku", line.sku(), "quantity", line.quantity(),
                "unitPrice", line.unitPrice())).toList();
        record(order, "OrderPlaced", Map.of("orderId", order.id(), "shopperId", order.shopperId(), "lines", lines,
                "total", order.total()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void awaitingPayment(Order order) {
        record(order, "OrderAwaitingPayment", Map.of("orderId", order.id(), "shopperId", order.shopperId(),
                "total", order.total(), "payBy", order.payBy()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(Order order) {
        record(order, "OrderCancelled", Map.of("orderId", order.id(), "shopperId", order.shopperId(),
                "reason", order.cancelReason().orElseThrow().name()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(Order order) {
        record(order, "OrderCompleted", Map.of("orderId", order.id(), "shopperId", order.shopperId(),
                "total", order.total()));
    }

    private void record(Order order, String type, Map<String, Object> payload) {
        outbox.record(config.topic(), order.id().toString(), type, payload);
    }
}
