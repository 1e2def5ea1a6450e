package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.OperatorScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** A merchant (its own SKUs) or an admin (any SKU) schedules a flash sale, setting its units aside. */
@ApplicationScoped
public class FlashSaleScheduling {

    private final FlashSaleStock stock;
    private final Clock clock;

    FlashSaleScheduling(FlashSaleStock stock, Clock clock) {
        this.stock = stock;
        this.clock = clock;
    }

    /**
     * The scheduled sale; empty for a SKU catalog never announced or another merchant's. Refused
     * (409) when its window makes no sense or the SKU has not enough available: nothing is written.
     */
    @Transactional
    public Optional<FlashSaleListings.Listing> schedule(OperatorScope scope, FlashSale.Terms terms) {
        var level = scope.levelToCount(terms.sku());
        if (level.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var sale = FlashSale.schedule(terms, level.get().merchantId(), now);
        sale.heldIn(stock.setAside(level.get(), sale.quantity()));
        sale.persist();
        return Optional.of(new FlashSaleListings.Listing(sale, sale.quantity(), FlashSale.Phase.UPCOMING, now));
    }
}
