package io.quarkmall.stock.service;

import io.quarkmall.stock.config.FlashSaleConfig;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;

/**
 * Puts each sale's units and limits into Redis shortly before it starts ({@code load-ahead}), so
 * the buy path never reads PostgreSQL. Loading twice changes nothing in Redis.
 */
@ApplicationScoped
public class FlashSaleLoading {

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

    /** The number of sales put into Redis. */
    public int loadDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var now = clock.instant();
            var due = FlashSale.dueForLoading(now.plus(config.loadAhead()), now);
            for (FlashSale sale : due) {
                gate.load(sale);
                sale.loaded(now);
            }
            return due.size();
        });
    }
}
