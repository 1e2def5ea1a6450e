package io.quarkmall.cartorder.messaging;

import io.quarkmall.cartorder.domain.OrderStatus;
import io.quarkmall.cartorder.service.OrderSaga;
import io.quarkmall.common.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What moves an order after checkout: stock held or refused (stock.reservation.v1), payment
 * taken or failed (payment.v1), the parcel's journey (shipping.shipment.v1). Each event is
 * applied once (inbox), in one transaction with the order's change and the events it causes.
 */
@ApplicationScoped
public class SagaEventsConsumer {

    /** The fields cart-order reads of stock.reservation.v1, payment.v1 and shipping.shipment.v1 payloads. */
    record SagaPayload(long orderId, String sku, long requested, long available, String reason, String location,
                       String trackingNumber) {}

    private final Inbox inbox;
    private final OrderSaga saga;

    SagaEventsConsumer(Inbox inbox, OrderSaga saga) {
        this.inbox = inbox;
        this.saga = saga;
    }

    @Incoming("stock")
    @Blocking
    public void onStockEvent(String message) throws Exception {
        inbox.applyOnce("cart-order.stock", message, SagaPayload.class, (type, event) -> {
            switch (type) {
                case "StockReserved" -> saga.stockReserved(event.orderId());
                case "StockRejected" -> saga.stockRejected(event.orderId(), event.sku(), event.requested(), event.available());
                default -> { } // StockReleased follows a cancellation this service made
            }
        });
    }

    @Incoming("payments")
    @Blocking
    public void onPaymentEvent(String message) throws Exception {
        inbox.applyOnce("cart-order.payments", message, SagaPayload.class, (type, event) -> {
            switch (type) {
                case "PaymentSucceeded" -> saga.reached(event.orderId(), OrderStatus.PAID, "Payment captured");
                case "PaymentFailed" -> saga.paymentFailed(event.orderId(), event.reason());
                default -> { }
            }
        });
    }

    @Incoming("shipments")
    @Blocking
    public void onShipmentEvent(String message) throws Exception {
        inbox.applyOnce("cart-order.shipments", message, SagaPayload.class, (type, event) -> {
            switch (type) {
                case "ShipmentCreated" -> saga.reached(event.orderId(), OrderStatus.FULFILLING,
                        "Parcel " + event.trackingNumber() + " being packed");
                case "ShipmentPickedUp" -> saga.reached(event.orderId(), OrderStatus.SHIPPED,
                        "Picked up by the carrier at " + event.location());
                case "ShipmentDelivered" -> saga.reached(event.orderId(), OrderStatus.DELIVERED,
                        "Delivered: " + event.location());
                default -> { } // in transit: the parcel's own tracking shows it
            }
        });
    }
}
