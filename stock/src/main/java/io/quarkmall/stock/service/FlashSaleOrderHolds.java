package io.quarkmall.stock.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.stock.config.StockConfig;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.domain.ReservationEvent;
import io.quarkmall.stock.domain.ReservationEvent.StockRejected;
import io.quarkmall.stock.domain.ReservationEvent.StockReserved;
import io.quarkmall.stock.domain.ReservePolicy.Line;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * stock's saga step for an order placed for a flash-sale ticket (OrderPlaced.flashSaleTicket): the
 * unit it buys was set aside when the sale was scheduled (FlashSaleStock) and sold to the shopper in
 * Redis, so the order holds that unit, its ticket linked to it, and no regular unit: StockReserved.
 * An unknown ticket, one returned to the sale or taken by another order, or lines other than one
 * unit of the sale's SKU hold nothing: StockRejected, and the order is cancelled. What happens to
 * the unit when the order is paid or cancelled is FlashSaleReturns'.
 */
@ApplicationScoped
public class FlashSaleOrderHolds {

    private static final Logger LOG = Logger.getLogger(FlashSaleOrderHolds.class);

    private final Outbox outbox;
    private final StockConfig config;
    private final Clock clock;

    FlashSaleOrderHolds(Outbox outbox, StockConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(long orderId, String ticketId, List<Line> lines) {
        Optional<FlashSaleTicket> ticket = uuid(ticketId).flatMap(FlashSaleTicket::lockOf);
        Optional<String> refusal = ticket.isEmpty() ? Optional.of("no flash-sale ticket " + ticketId)
                : ticket.get().refusalFor(orderId, FlashSale.<FlashSale>findById(ticket.get().saleId()).sku(), lines);
        if (refusal.isPresent()) {
            LOG.warnf("Order %d holds no flash-sale unit: %s", orderId, refusal.get());
            Line first = lines.isEmpty() ? new Line(String.valueOf(ticketId), 1) : lines.getFirst();
            announce(orderId, new StockRejected(orderId, first.sku(), first.quantity(), 0));
            return;
        }
        if (ticket.get().status() == FlashSaleTicket.Status.ADMITTED) {
            ticket.get().ordered(orderId, clock.instant());
        }
        announce(orderId, new StockReserved(orderId,
                lines.stream().map(line -> new ReservationEvent.Line(line.sku(), line.quantity())).toList()));
    }

    private static Optional<UUID> uuid(String ticketId) {
        try {
            return Optional.of(UUID.fromString(ticketId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void announce(long orderId, ReservationEvent event) {
        outbox.record(config.reservationTopic(), Long.toString(orderId), event);
    }
}
