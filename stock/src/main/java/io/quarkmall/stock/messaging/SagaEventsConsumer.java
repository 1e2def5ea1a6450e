package io.quarkmall.stock.messaging;

import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.stock.domain.ReservePolicy.Line;
import io.quarkmall.stock.service.FlashSaleOrderHolds;
import io.quarkmall.stock.service.ReservationService;
import io.quarkmall.stock.service.ReturnService;
import io.quarkmall.stock.service.SalesHistory;
import io.quarkmall.stock.service.SalesHistory.PaidLine;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * stock's part of the checkout saga, following order.v1 alone: an order placed holds its stock,
 * a paid order takes it, a cancelled order gives back what its cancellation says. Each event is
 * applied at most once (inbox), in one transaction with its effect and the events it causes.
 */
@ApplicationScoped
public class SagaEventsConsumer extends InboxConsumer {

    /** The fields stock reads of order.v1 (docs/events/order.v1.schema.json). */
    record LineItem(String sku, long quantity) {}

    /** {@code flashSaleTicket}: set on an order placed for a flash-sale admission, whose unit the sale set aside. */
    record OrderPlaced(long orderId, List<LineItem> lines, String flashSaleTicket) {
        List<Line> toHold() {
            return lines.stream().map(l -> new Line(l.sku(), l.quantity())).toList();
        }
    }

    record OrderPaid(long orderId, List<PaidLine> lines) {}

    record Compensation(String stock) {}

    record OrderCancelled(long orderId, Compensation compensation) {
        boolean givesStockBack() {
            return compensation == null || !"NONE".equals(compensation.stock());
        }
    }

    /** Goods a shopper returned, received by the merchant: SELLABLE or QUARANTINE. */
    record OrderReturnReceived(long orderId, long requestId, List<LineItem> lines, String disposition) {
        List<Line> returned() {
            return lines.stream().map(l -> new Line(l.sku(), l.quantity())).toList();
        }
    }

    SagaEventsConsumer(Inbox inbox, ReservationService reservations, FlashSaleOrderHolds flashSaleHolds,
                       SalesHistory sales, ReturnService returns) {
        super(inbox, EventRoutes.of("stock.orders")
                .on(OrderPlaced.class, order -> {
                    if (order.flashSaleTicket() == null) {
                        reservations.reserve(order.orderId(), order.toHold());
                    } else {
                        flashSaleHolds.reserve(order.orderId(), order.flashSaleTicket(), order.toHold());
                    }
                })
                .on(OrderPaid.class, (order, paidAt) -> {
                    reservations.confirm(order.orderId());
                    sales.paid(order.orderId(), order.lines(), paidAt);
                })
                .on(OrderCancelled.class, order -> {
                    if (order.givesStockBack()) {
                        reservations.release(order.orderId());
                        sales.cancelled(order.orderId());
                    }
                })
                .on(OrderReturnReceived.class, returned -> returns.received(returned.orderId(), returned.requestId(),
                        returned.returned(), "SELLABLE".equals(returned.disposition()))));
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String message) throws Exception {
        receive(message);
    }
}
