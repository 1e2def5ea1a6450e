package io.quarkmall.stock.service;

import io.quarkmall.stock.config.FlashSaleConfig;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Puts each sale's units and limits into Redis shortly before it starts ({@code load-ahead}), so
 * the buy path never reads PostgreSQL. Loading twice changes nothing in Redis. A sale Redis no
 * longer holds while it is open (Redis restarted or failed over without its data) is loaded again
 * from what PostgreSQL and the queue of admitted tickets say was taken: read the queue first, then
 * the tickets, and count each ticket id once, so a ticket drained in between (a drain runs beside a
 * reload) is counted exactly once, and one returned in between not at all. Admissions Redis lost
 * before they were drained are lost with it.
 */
@ApplicationScoped
public class FlashSaleLoading {

    private static final Logger LOG = Logger.getLogger(FlashSaleLoading.class);

    private final FlashSaleGate gate;
    private final FlashSaleConfig config;
    private final Clock clock;

    FlashSaleLoading(FlashSaleGate gate, FlashSaleConfig config, Clock clock) {
        this.gate = gate;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${quarkmall.flash-sale.load-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void loadScheduled() {
        loadDue();
    }

    /** The number of sales put into Redis, for the first time or again. */
    public int loadDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var now = clock.instant();
            int loaded = 0;
            for (FlashSale sale : FlashSale.loadedAndOpen(now)) {
                if (!gate.holds(sale) && gate.load(sale, taken(sale))) {
                    LOG.warnf("Flash sale %d was missing from Redis and was loaded again from its tickets", sale.id());
                    loaded++;
                }
            }
            var due = FlashSale.dueForLoading(now.plus(config.loadAhead()), now);
            for (FlashSale sale : due) {
                gate.load(sale, taken(sale));
                sale.loaded(now);
                loaded++;
            }
            return loaded;
        });
    }

    private FlashSaleGate.Taken taken(FlashSale sale) {
        Map<UUID, String> tickets = new HashMap<>(gate.queuedOf(sale.id()));
        for (FlashSaleTicket.Held held : FlashSaleTicket.heldOf(sale.id())) {
            if (held.returned()) {
                tickets.remove(held.ticketId());
            } else {
                tickets.put(held.ticketId(), held.shopperId());
            }
        }
        Map<String, Long> byShopper = new HashMap<>();
        tickets.values().forEach(shopper -> byShopper.merge(shopper, 1L, Long::sum));
        return new FlashSaleGate.Taken(tickets.size(), byShopper);
    }
}
