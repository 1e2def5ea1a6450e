package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.OrderStatus;
import io.quarkmall.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** What a shopper does to an order after checkout, and what the clock does: unpaid timeout, auto-completion. */
@ApplicationScoped
public class OrderService {

    private static final int SWEEP_BATCH = 100;

    private final OrderEvents events;
    private final Clock clock;
    private final OrderConfig config;

    OrderService(OrderEvents events, Clock clock, OrderConfig config) {
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public Order cancelByShopper(String shopperId, long orderId) {
        Order order = owned(shopperId, orderId);
        order.cancelByShopper(clock.instant());
        events.publishChanges(order);
        return order;
    }

    @Transactional
    public Order confirmReceipt(String shopperId, long orderId) {
        Order order = owned(shopperId, orderId);
        order.complete("Receipt confirmed by the shopper", clock.instant());
        events.publishChanges(order);
        return order;
    }

    @Scheduled(every = "${quarkmall.order.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        sweepAsOf(clock.instant());
    }

    /** Cancels orders unpaid past their deadline and completes orders delivered long enough ago. */
    public int sweepAsOf(Instant now) {
        int changed = 0;
        for (long id : QuarkusTransaction.requiringNew().call(() -> Order.unpaidPastDeadline(now, SWEEP_BATCH))) {
            changed += QuarkusTransaction.requiringNew().call(() -> cancelIfUnpaid(id, now)) ? 1 : 0;
        }
        Instant deliveredBefore = now.minus(config.completeAfter());
        for (long id : QuarkusTransaction.requiringNew().call(() -> Order.deliveredBefore(deliveredBefore, SWEEP_BATCH))) {
            changed += QuarkusTransaction.requiringNew().call(() -> completeIfDelivered(id, now)) ? 1 : 0;
        }
        return changed;
    }

    /** Locked and checked again: the shopper may have paid since the sweep looked. */
    private boolean cancelIfUnpaid(long id, Instant now) {
        Order order = Order.lock(id).orElse(null);
        if (order == null || !order.cancelUnpaid(now)) {
            return false;
        }
        events.publishChanges(order);
        return true;
    }

    /** Locked and checked again: the shopper may have confirmed receipt since the sweep looked. */
    private boolean completeIfDelivered(long id, Instant now) {
        Order order = Order.lock(id).filter(o -> o.status() == OrderStatus.DELIVERED).orElse(null);
        if (order == null) {
            return false;
        }
        order.complete("Completed automatically after the receipt window", now);
        events.publishChanges(order);
        return true;
    }

    private static Order owned(String shopperId, long orderId) {
        return Order.lockOwnedBy(shopperId, orderId).orElseThrow(() -> ProblemException.notFound("Order " + orderId));
    }
}
