package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.domain.CancelReason;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The order's side of the checkout saga: what stock, pay and shipping announce moves the order.
 * Each step locks the order, so events of different topics for one order apply one at a time.
 */
@ApplicationScoped
public class OrderSaga {

    private static final Logger LOG = Logger.getLogger(OrderSaga.class);

    private final OrderEvents events;
    private final Clock clock;

    OrderSaga(OrderEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stockReserved(long orderId) {
        Order order = locked(orderId);
        if (order != null && order.advanceTo(OrderStatus.STOCK_RESERVED, "Stock held for the order", clock.instant())) {
            events.awaitingPayment(order);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stockRejected(long orderId, String sku, long requested, long available) {
        cancel(orderId, CancelReason.STOCK_REJECTED,
                "Out of stock: %s (wanted %d, %d left)".formatted(sku, requested, available));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentFailed(long orderId, String reason) {
        cancel(orderId, CancelReason.PAYMENT_FAILED, "Payment failed: " + reason);
    }

    /** PAID, FULFILLING, SHIPPED, DELIVERED: the steps payment and shipping report. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reached(long orderId, OrderStatus status, String note) {
        Order order = locked(orderId);
        if (order != null && !order.advanceTo(status, note, clock.instant()) && order.status() == OrderStatus.CANCELLED) {
            LOG.warnf("Order %d is cancelled; its late step %s is ignored", orderId, status);
        }
    }

    private void cancel(long orderId, CancelReason reason, String note) {
        Order order = locked(orderId);
        if (order != null && order.cancelBySaga(reason, note, clock.instant())) {
            events.cancelled(order);
        }
    }

    private static Order locked(long orderId) {
        Order order = Order.lock(orderId).orElse(null);
        if (order == null) {
            LOG.warnf("An event names order %d, which does not exist here; ignored", orderId);
        }
        return order;
    }
}
