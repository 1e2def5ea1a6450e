package io.quarkmall.stock.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.stock.config.StockConfig;
import io.quarkmall.stock.domain.ReservePolicy;
import io.quarkmall.stock.domain.ReservePolicy.Hold;
import io.quarkmall.stock.domain.ReservePolicy.Line;
import io.quarkmall.stock.domain.ReservePolicy.Reject;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.StockReservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import io.quarkmall.stock.domain.ReservationEvent;
import io.quarkmall.stock.domain.ReservationEvent.StockRejected;
import io.quarkmall.stock.domain.ReservationEvent.StockReleased;
import io.quarkmall.stock.domain.ReservationEvent.StockReserved;

/**
 * Holds, confirms and releases an order's stock, announcing each outcome through the outbox in
 * the same transaction. Holding locks the order's SKU rows first, so however many orders race for
 * the last units, each unit is held at most once: no oversell.
 */
@ApplicationScoped
public class ReservationService {

    private final Outbox outbox;
    private final Clock clock;
    private final StockConfig config;
    private final StockLedger ledger;

    ReservationService(Outbox outbox, Clock clock, StockConfig config, StockLedger ledger) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.ledger = ledger;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ReservePolicy.Decision reserve(long orderId, List<Line> lines) {
        Map<String, StockLevel> levels = StockLevel.lockForUpdate(lines.stream().map(Line::sku).toList());
        var decision = ReservePolicy.decide(levels, lines);
        var now = clock.instant();
        switch (decision) {
            case Hold hold -> {
                hold.lines().forEach(line -> {
                    StockReservation reservation = levels.get(line.sku()).hold(orderId, line.quantity(), now);
                    reservation.persist();
                    ledger.allocate(reservation);
                });
                announce(orderId, new StockReserved(orderId,
                        lines.stream().map(line -> new ReservationEvent.Line(line.sku(), line.quantity())).toList()));
            }
            case Reject reject -> announce(orderId, new StockRejected(orderId, reject.sku(), reject.requested(),
                    reject.available()));
        }
        return decision;
    }

    /** The order was paid: its held units are taken from stock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(long orderId) {
        close(orderId, true);
    }

    /**
     * The order was cancelled: its held units are sellable again, and so are the units of a paid
     * order cancelled before it shipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(long orderId) {
        if (close(orderId, false) > 0) {
            announce(orderId, new StockReleased(orderId));
        }
    }

    private void announce(long orderId, ReservationEvent event) {
        outbox.record(config.reservationTopic(), Long.toString(orderId), event);
    }

    private int close(long orderId, boolean confirm) {
        List<StockReservation> held = confirm ? StockReservation.heldFor(orderId) : StockReservation.returnableFor(orderId);
        Map<String, StockLevel> levels = StockLevel.lockForUpdate(held.stream().map(StockReservation::sku).toList());
        var now = clock.instant();
        for (StockReservation reservation : held) {
            StockLevel level = levels.get(reservation.sku());
            if (confirm) {
                level.confirm(reservation, now);
                ledger.sell(orderId, reservation);
            } else if (reservation.status() == StockReservation.Status.CONFIRMED) {
                level.restock(reservation, now);
                ledger.restock(orderId, reservation);
            } else {
                level.release(reservation, now);
                ledger.unallocate(reservation);
            }
        }
        return held.size();
    }
}
