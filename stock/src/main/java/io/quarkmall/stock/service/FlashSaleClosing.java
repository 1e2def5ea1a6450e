package io.quarkmall.stock.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.stock.config.FlashSaleConfig;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.FlashSaleEvent.FlashSaleClosed;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.domain.FlashSaleTicket.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Gives a flash sale's unsold units back to the shop once it has ended and no admitted ticket can
 * still become an order (every ticket drained from Redis and ordered or returned: unordered ones
 * return after {@code ticket-ttl}). Under the sale's row lock, which every return of a ticket's unit
 * takes too (FlashSaleReturns), so a close and a cancellation never interleave; the units neither
 * sold nor held for unpaid orders are released from the set-aside in the sale's warehouse and in the
 * SKU's totals, the sale is closed in Redis (nothing more admitted or taken back) and FlashSaleClosed
 * is announced, all once. Orders still unpaid at the close keep their units: paid, sold; cancelled,
 * back to the shop.
 */
@ApplicationScoped
public class FlashSaleClosing {

    private static final Logger LOG = Logger.getLogger(FlashSaleClosing.class);
    private static final int BATCH = 100;

    private final FlashSaleGate gate;
    private final FlashSaleStock stock;
    private final Outbox outbox;
    private final FlashSaleConfig config;
    private final Clock clock;

    FlashSaleClosing(FlashSaleGate gate, FlashSaleStock stock, Outbox outbox, FlashSaleConfig config, Clock clock) {
        this.gate = gate;
        this.stock = stock;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${quarkmall.flash-sale.close-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeEnded() {
        try {
            closeDue();
        } catch (RuntimeException e) {
            LOG.warnf("Ended flash sales not closed this time: %s", e.getMessage());
        }
    }

    /** Closes every ended sale that can close now, page by page (one that cannot yet blocks none); how many. */
    public int closeDue() {
        var now = clock.instant();
        int closed = 0;
        long after = 0;
        List<Long> ended;
        do {
            long from = after;
            ended = QuarkusTransaction.requiringNew().call(() -> FlashSale.endedOpen(now, from, BATCH));
            for (long saleId : ended) {
                closed += close(saleId) ? 1 : 0;
                after = saleId;
            }
        } while (ended.size() == BATCH);
        return closed;
    }

    /** Closes the sale if it can close now; true when this call closed it, false when it cannot yet or is closed. */
    public boolean close(long saleId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FlashSale sale = FlashSale.lockOf(saleId).orElse(null);
            if (sale == null) {
                return false;
            }
            var now = clock.instant();
            FlashSale.Tally tally = tally(sale);
            if (sale.openReason(tally, now).isPresent()) {
                return false;
            }
            gate.close(saleId);
            int returned = sale.close(tally, now);
            stock.returnToShop(sale, returned);
            outbox.record(config.topic(), Long.toString(saleId), new FlashSaleClosed(saleId, sale.sku(),
                    sale.warehouseCode(), sale.quantity(), tally.sold(), tally.held(), returned));
            return true;
        });
    }

    /**
     * Redis first: a ticket drained after that read was counted there already, so it is counted as
     * admitted here and the sale stays open; returns cannot run meanwhile (the sale's lock).
     */
    private FlashSale.Tally tally(FlashSale sale) {
        long admittedInRedis = gate.sold(sale.id()).orElse(0L);
        Map<Status, Long> tickets = FlashSaleTicket.countsOf(sale.id());
        long sold = tickets.getOrDefault(Status.PAID, 0L) + tickets.getOrDefault(Status.RESTOCKED, 0L);
        long held = tickets.getOrDefault(Status.ORDERED, 0L);
        long admitted = tickets.getOrDefault(Status.ADMITTED, 0L);
        return new FlashSale.Tally(sold, held, admitted, Math.max(0, admittedInRedis - sold - held - admitted));
    }
}
