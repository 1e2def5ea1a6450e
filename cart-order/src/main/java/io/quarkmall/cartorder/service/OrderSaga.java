package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.domain.AfterSalesRequest;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.common.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * The order's side of the checkout saga: what stock, loyalty (points, coupons), pay and shipping report moves the order one
 * step, and cart-order announces each step on order.v1, the one stream the other services follow.
 * Each step locks the order, so facts from different topics about one order apply one at a time.
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
        apply(orderId, (order, now) -> order.stockReserved(now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stockRejected(long orderId, String sku, long requested, long available) {
        String note = "Out of stock: %s (wanted %d, %d left)".formatted(sku, requested, available);
        apply(orderId, (order, now) -> order.stockRejected(note, now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pointsHeld(long orderId) {
        apply(orderId, (order, now) -> order.pointsHeld(now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pointsRefused(long orderId, long points, long balance) {
        String note = "Not enough points: %d to use, %d in the account".formatted(points, balance);
        apply(orderId, (order, now) -> order.pointsRefused(note, now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void couponsUsed(long orderId) {
        apply(orderId, (order, now) -> order.couponsUsed(now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void couponsRefused(long orderId, String reason) {
        String note = "Coupons refused: " + reason;
        apply(orderId, (order, now) -> order.couponsRefused(note, now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentSucceeded(long orderId) {
        apply(orderId, (order, now) -> order.paid(now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentFailed(long orderId, String reason) {
        apply(orderId, (order, now) -> order.paymentFailed(reason, now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentRefunded(long orderId, Money amount, String refundReference) {
        apply(orderId, (order, now) -> {
            order.refunded(amount, now);
            AfterSalesRequest.idOfReference(refundReference).flatMap(AfterSalesRequest::lock)
                    .filter(request -> request.orderId() == orderId).ifPresent(request -> request.refunded(now));
        });
    }

    /** pay could not make a refund: the after-sales request it was for (if any) is closed as NOT_REFUNDED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refundDeclined(long orderId, String refundReference, String reason) {
        apply(orderId, (order, now) -> AfterSalesRequest.idOfReference(refundReference).flatMap(AfterSalesRequest::lock)
                .filter(request -> request.orderId() == orderId && request.notRefunded(reason, now))
                .ifPresent(request -> order.afterSalesNotRefunded(request, now)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shipmentCreated(long orderId, String trackingNumber, String carrier) {
        apply(orderId, (order, now) -> order.fulfilling(trackingNumber, carrier, now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shipmentPickedUp(long orderId, String location) {
        apply(orderId, (order, now) -> order.shipped(location, now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shipmentDelivered(long orderId, String location) {
        apply(orderId, (order, now) -> order.delivered(location, now));
    }

    private void apply(long orderId, BiConsumer<Order, Instant> step) {
        Order order = Order.lock(orderId).orElse(null);
        if (order == null) {
            LOG.warnf("An event names order %d, which does not exist here; ignored", orderId);
            return;
        }
        step.accept(order, clock.instant());
        events.publishChanges(order);
    }
}
