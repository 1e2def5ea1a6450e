package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Places the order of a shopper stock admitted to a flash sale (FlashSaleAdmitted on
 * stock.flashsale.v1): one unit of the sale's SKU at the sale's price, carrying the ticket, which
 * then runs the checkout saga like any order (stock holds the unit it set aside, pay charges, an
 * unpaid one is cancelled after the payment timeout and stock gives the unit back to the sale).
 * One order per ticket, even when the admission arrives again under another event id. The
 * shopper's unpaid-order limits do not apply: the sale's own per-shopper limit did.
 */
@ApplicationScoped
public class FlashSaleOrders {

    private static final Logger LOG = Logger.getLogger(FlashSaleOrders.class);

    /** Who stock admitted, to which unit of which SKU, at what price. */
    public record Admission(UUID ticket, String shopperId, String sku, Money price) {}

    private final OrderEvents events;
    private final Clock clock;
    private final OrderConfig config;

    FlashSaleOrders(OrderEvents events, Clock clock, OrderConfig config) {
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    /**
     * The admitted shopper's order, announced (OrderPlaced with its flashSaleTicket); empty when
     * the ticket has its order already. A SKU cart-order never heard of is refused (the event is
     * retried, then dead-lettered, and stock returns the unit to the sale when the ticket expires).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Order> admitted(Admission admission) {
        if (Order.placedFor(admission.ticket())) {
            LOG.infof("Flash-sale ticket %s has its order already; the admission changes nothing", admission.ticket());
            return Optional.empty();
        }
        CatalogSku sku = CatalogSku.<CatalogSku>findByIdOptional(admission.sku()).orElseThrow(() -> new RuleViolation(
                "flash-sale-sku-unknown", "Flash-sale ticket " + admission.ticket() + " is for SKU " + admission.sku()
                        + ", which catalog never listed here"));
        var now = clock.instant();
        Order order = Order.flashSale(admission.shopperId(), new Order.Item(sku.sku(), sku.productName(), 1,
                admission.price()), admission.ticket(), now, now.plus(config.paymentTimeout()));
        order.persistAndFlush();
        events.placed(order);
        return Optional.of(order);
    }
}
