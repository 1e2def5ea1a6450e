package io.quarkmall.stock.service;

import io.quarkmall.common.lock.AdvisoryLocks;
import io.quarkmall.common.lock.AdvisoryLocks.LockSpace;
import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.stock.config.FlashSaleConfig;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.FlashSaleEvent.FlashSaleAdmitted;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.service.FlashSaleGate.QueuedTicket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Moves admitted tickets from Redis's stream into {@code flash_sale_ticket}, announcing each as
 * FlashSaleAdmitted through the outbox in the same transaction; only then are they removed from
 * the stream. A crash in between leaves them queued, and the next pass skips those already
 * recorded, so every ticket is recorded and announced exactly once. Replicas take turns (an
 * advisory lock).
 */
@ApplicationScoped
public class FlashSaleDrainer {

    private static final Logger LOG = Logger.getLogger(FlashSaleDrainer.class);
    private static final LockSpace DRAINING = new LockSpace("flash-sale-drain");

    private final FlashSaleGate gate;
    private final Outbox outbox;
    private final AdvisoryLocks locks;
    private final FlashSaleConfig config;
    private final Clock clock;

    FlashSaleDrainer(FlashSaleGate gate, Outbox outbox, AdvisoryLocks locks, FlashSaleConfig config, Clock clock) {
        this.gate = gate;
        this.outbox = outbox;
        this.locks = locks;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${quarkmall.flash-sale.drain-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drainQueued() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("Flash-sale tickets not drained this time: %s", e.getMessage());
        }
    }

    /** Drains until the stream is empty; the number of tickets newly recorded. */
    public synchronized int drain() {
        int recorded = 0;
        for (var batch = gate.queued(config.drainBatch()); !batch.isEmpty(); batch = gate.queued(config.drainBatch())) {
            var tickets = batch;
            recorded += QuarkusTransaction.requiringNew().call(() -> record(tickets));
            gate.drained(tickets);
        }
        return recorded;
    }

    private int record(List<QueuedTicket> tickets) {
        locks.lock(DRAINING, "tickets");
        var now = clock.instant();
        Map<Long, FlashSale> sales = new HashMap<>();
        int recorded = 0;
        for (QueuedTicket queued : tickets) {
            if (FlashSaleTicket.findById(queued.ticketId()) != null) {
                continue;
            }
            FlashSale sale = sales.computeIfAbsent(queued.saleId(), id -> FlashSale.findById(id));
            new FlashSaleTicket(queued.ticketId(), sale.id(), queued.shopperId(), queued.admittedAt(), now).persist();
            outbox.record(config.topic(), queued.ticketId().toString(), new FlashSaleAdmitted(queued.ticketId().toString(),
                    sale.id(), queued.shopperId(), sale.sku(), sale.price(), queued.admittedAt()));
            recorded++;
        }
        return recorded;
    }
}
