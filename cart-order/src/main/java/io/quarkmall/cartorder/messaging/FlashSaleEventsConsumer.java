package io.quarkmall.cartorder.messaging;

import io.quarkmall.cartorder.service.FlashSaleOrders;
import io.quarkmall.common.inbox.EventRoutes;
import io.quarkmall.common.inbox.Inbox;
import io.quarkmall.common.inbox.InboxConsumer;
import io.quarkmall.common.money.Money;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hands the shoppers stock admitted to a flash sale (stock.flashsale.v1) to order creation: each
 * FlashSaleAdmitted places one FLASH_SALE order, once (inbox, and one order per ticket). An
 * admission lacking its ticket, shopper, SKU or price is unreadable: it goes to the dead-letter topic.
 */
@ApplicationScoped
public class FlashSaleEventsConsumer extends InboxConsumer {

    /** The fields cart-order reads of FlashSaleAdmitted (docs/events/stock.flashsale.v1.schema.json). */
    record FlashSaleAdmitted(UUID ticketId, String shopperId, String sku, Money price) {
        FlashSaleAdmitted {
            if (ticketId == null || shopperId == null || shopperId.isBlank() || sku == null || sku.isBlank()
                    || price == null) {
                throw new IllegalArgumentException("A FlashSaleAdmitted names its ticketId, shopperId, sku and price");
            }
        }
    }

    FlashSaleEventsConsumer(Inbox inbox, FlashSaleOrders orders) {
        super(inbox, EventRoutes.of("cart-order.flash-sales")
                .on(FlashSaleAdmitted.class, admitted -> orders.admitted(new FlashSaleOrders.Admission(
                        admitted.ticketId(), admitted.shopperId(), admitted.sku(), admitted.price()))));
    }

    @Incoming("flash-sales")
    @Blocking
    public void onFlashSaleEvent(String message) throws Exception {
        receive(message);
    }
}
