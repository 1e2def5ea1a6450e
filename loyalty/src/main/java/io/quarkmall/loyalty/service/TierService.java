package io.quarkmall.loyalty.service;

import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.config.TierConfig;
import io.quarkmall.loyalty.domain.PaidOrder;
import io.quarkmall.loyalty.domain.TierLadder;
import io.quarkmall.loyalty.domain.TierLadder.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** A shopper's tier, from what they spent over the configured rolling window (paid totals less refunds). */
@ApplicationScoped
public class TierService {

    /** Where a shopper stands: the tier, the spend that put them there (counted since {@code since}), the next tier. */
    public record TierStanding(Tier tier, Money spend, Instant since, Optional<Tier> next) {}

    private final TierLadder ladder;
    private final TierConfig config;
    private final Clock clock;

    TierService(TierConfig config, Clock clock) {
        this.ladder = new TierLadder(config.levels().entrySet().stream()
                .map(level -> new Tier(level.getKey(), new Money(level.getValue().spendMinor(), config.currency()),
                        level.getValue().multiplierBasisPoints()))
                .toList());
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public TierStanding standingOf(String shopperId) {
        Instant since = clock.instant().atZone(ZoneOffset.UTC).minus(config.window()).toInstant();
        long spend = PaidOrder.spendSince(shopperId, ladder.currency(), since);
        var standing = ladder.standingOf(spend);
        return new TierStanding(standing.tier(), new Money(spend, ladder.currency()), since, standing.next());
    }

    /** The earning multiplier of the shopper's tier, in basis points. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int multiplierOf(String shopperId) {
        return standingOf(shopperId).tier().multiplierBasisPoints();
    }
}
