package io.quarkmall.cartorder.messaging;

import io.quarkmall.cartorder.service.OrderSaga;
import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.money.Money;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The facts that move an order after checkout: stock held or refused (stock.reservation.v1),
 * points held or refused (loyalty.points.v1), coupons used or refused (loyalty.coupons.v1),
 * payment captured, failed or refunded (payment.v1), the parcel's journey (shipping.shipment.v1).
 * cart-order turns each into the order's next step and announces it on order.v1.
 */
@ApplicationScoped
public class SagaEventsConsumer {

    /** The fields cart-order reads of each event it follows (docs/events/). */
    record StockReserved(long orderId) {}

    record StockRejected(long orderId, String sku, long requested, long available) {}

    record PointsHeld(long orderId) {}

    record PointsHoldRefused(long orderId, long points, long balance) {}

    record CouponsUsed(long orderId) {}

    record CouponsRefused(long orderId, String reason) {}

    record PaymentSucceeded(long orderId) {}

    record PaymentFailed(long orderId, String reason) {}

    /** {@code refundReference}: after-sales-&lt;id&gt; for an approved after-sales request; absent in older events. */
    record PaymentRefunded(long orderId, Money amount, String refundReference) {}

    record PaymentRefundDeclined(long orderId, String refundReference, String reason) {}

    /** {@code carrier}: the code of the carrier that gave the waybill; absent in older events. */
    record ShipmentCreated(long orderId, String trackingNumber, String carrier) {}

    record ShipmentPickedUp(long orderId, String location) {}

    record ShipmentDelivered(long orderId, String location) {}

    private final Inbox inbox;
    private final EventRoutes stock;
    private final EventRoutes points;
    private final EventRoutes coupons;
    private final EventRoutes payments;
    private final EventRoutes shipments;

    SagaEventsConsumer(Inbox inbox, OrderSaga saga) {
        this.inbox = inbox;
        this.stock = EventRoutes.of("cart-order.stock")
                .on(StockReserved.class, e -> saga.stockReserved(e.orderId()))
                .on(StockRejected.class, e -> saga.stockRejected(e.orderId(), e.sku(), e.requested(), e.available()));
        this.points = EventRoutes.of("cart-order.points")
                .on(PointsHeld.class, e -> saga.pointsHeld(e.orderId()))
                .on(PointsHoldRefused.class, e -> saga.pointsRefused(e.orderId(), e.points(), e.balance()));
        this.coupons = EventRoutes.of("cart-order.coupons")
                .on(CouponsUsed.class, e -> saga.couponsUsed(e.orderId()))
                .on(CouponsRefused.class, e -> saga.couponsRefused(e.orderId(), e.reason()));
        this.payments = EventRoutes.of("cart-order.payments")
                .on(PaymentSucceeded.class, e -> saga.paymentSucceeded(e.orderId()))
                .on(PaymentFailed.class, e -> saga.paymentFailed(e.orderId(), e.reason()))
                .on(PaymentRefunded.class, e -> saga.paymentRefunded(e.orderId(), e.amount(), e.refundReference()))
                .on(PaymentRefundDeclined.class, e -> saga.refundDeclined(e.orderId(), e.refundReference(), e.reason()));
        this.shipments = EventRoutes.of("cart-order.shipments")
                .on(ShipmentCreated.class, e -> saga.shipmentCreated(e.orderId(), e.trackingNumber(), e.carrier()))
                .on(ShipmentPickedUp.class, e -> saga.shipmentPickedUp(e.orderId(), e.location()))
                .on(ShipmentDelivered.class, e -> saga.shipmentDelivered(e.orderId(), e.location()));
    }

    @Incoming("stock")
    @Blocking
    public void onStockEvent(String message) throws Exception {
        inbox.deliver(message, stock);
    }

    @Incoming("points")
    @Blocking
    public void onPointsEvent(String message) throws Exception {
        inbox.deliver(message, points);
    }

    @Incoming("coupons")
    @Blocking
    public void onCouponEvent(String message) throws Exception {
        inbox.deliver(message, coupons);
    }

    @Incoming("payments")
    @Blocking
    public void onPaymentEvent(String message) throws Exception {
        inbox.deliver(message, payments);
    }

    @Incoming("shipments")
    @Blocking
    public void onShipmentEvent(String message) throws Exception {
        inbox.deliver(message, shipments);
    }
}
