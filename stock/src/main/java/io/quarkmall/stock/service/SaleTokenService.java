package io.quarkmall.stock.service;

import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.config.FlashSaleConfig;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.SaleTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sale tokens: issued to a signed-in shopper only within {@code token-window} before a sale starts
 * (and until it ends), good until shortly after the end, at most so often per shopper and address; checked on every buy attempt
 * without any database.
 */
@ApplicationScoped
public class SaleTokenService {

    /** A token, until when it is good, and the server's time for a countdown. */
    public record Issued(long saleId, String token, Instant expiresAt, Instant startsAt, Instant serverTime) {}

    /** A token outlives its sale a little, so a late attempt is told ENDED rather than that its token is bad. */
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final SaleTokens tokens;
    private final FlashSaleGate gate;
    private final FlashSaleConfig config;
    private final Clock clock;

    SaleTokenService(FlashSaleGate gate, FlashSaleConfig config, Clock clock) {
        this.tokens = new SaleTokens(config.tokenSecret());
        this.gate = gate;
        this.config = config;
        this.clock = clock;
    }

    /** Empty sale id → 404; before the window or after the end → 409; too many requests → 429. */
    public Issued issue(long saleId, String shopperId, String address) {
        Instant now = clock.instant();
        long wait = gate.countTokenRequest(shopperId, address, now);
        if (wait > 0) {
            throw new FlashSaleRateLimited(wait);
        }
        FlashSale sale = FlashSale.<FlashSale>findByIdOptional(saleId)
                .orElseThrow(() -> ProblemException.notFound("Flash sale " + saleId));
        if (now.isBefore(sale.startsAt().minus(config.tokenWindow()))) {
            throw ProblemException.conflict("sale-token-not-yet", "Sale tokens are issued from "
                    + config.tokenWindow().toSeconds() + " s before the start (" + sale.startsAt() + ")");
        }
        if (!now.isBefore(sale.endsAt())) {
            throw ProblemException.conflict("flash-sale-ended", "Flash sale " + saleId + " has ended");
        }
        Instant expiresAt = sale.endsAt().plus(GRACE);
        return new Issued(saleId, tokens.issue(saleId, shopperId, expiresAt), expiresAt, sale.startsAt(), now);
    }

    /** Whether the token was issued to this shopper for this sale and is still good. */
    public boolean valid(String token, long saleId, String shopperId) {
        return tokens.valid(token, saleId, shopperId, clock.instant());
    }

}
