package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.domain.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** A merchant's (or an admin's) stock counts and receipts: the units physically on hand. */
@ApplicationScoped
public class StockCountService {

    private final Clock clock;

    StockCountService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sets the units on hand of a SKU the caller may count; empty for a SKU catalog never announced
     * or another merchant's. Refused (409) below what orders hold.
     */
    @Transactional
    public Optional<StockLevel> count(OperatorScope scope, String sku, long onHand) {
        var level = scope.levelToCount(sku);
        level.ifPresent(l -> l.count(onHand, clock.instant()));
        return level;
    }
}
