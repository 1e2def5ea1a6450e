package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.FlashSale;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Flash sales as the storefront shows them: upcoming and live ones, with the units left. */
@ApplicationScoped
public class FlashSaleListings {

    /** A sale, the units left (from Redis once it is loaded) and the server's time, for a countdown. */
    public record Listing(FlashSale sale, long remaining, FlashSale.Phase phase, Instant serverTime) {}

    private static final int MOST = 100;

    private final FlashSaleGate gate;
    private final Clock clock;

    FlashSaleListings(FlashSaleGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    /** Sales not yet ended, soonest first (at most 100). */
    public List<Listing> upcomingAndLive() {
        Instant now = clock.instant();
        return FlashSale.notEndedAt(now, MOST).stream().map(sale -> listing(sale, now)).toList();
    }

    public Optional<Listing> one(long saleId) {
        Instant now = clock.instant();
        return FlashSale.<FlashSale>findByIdOptional(saleId).map(sale -> listing(sale, now));
    }

    private Listing listing(FlashSale sale, Instant now) {
        long remaining = sale.loadedAt() == null ? sale.quantity() : gate.remaining(sale.id()).orElse((long) sale.quantity());
        return new Listing(sale, remaining, sale.phaseAt(now), now);
    }
}
