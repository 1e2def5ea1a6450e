package io.quarkmall.stock.service;

import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.service.FlashSaleGate.Attempt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The buy path of a flash sale: the sale token is checked in memory (HMAC), then one Lua script in
 * Redis decides. No PostgreSQL: admitted tickets reach it through the drainer.
 */
@ApplicationScoped
public class FlashSalePurchases {

    private final SaleTokenService tokens;
    private final FlashSaleGate gate;
    private final Clock clock;

    FlashSalePurchases(SaleTokenService tokens, FlashSaleGate gate, Clock clock) {
        this.tokens = tokens;
        this.gate = gate;
        this.clock = clock;
    }

    /** 403 without a sale token issued to this shopper for this sale; otherwise Redis's answer. */
    public Uni<Attempt> buy(long saleId, String shopperId, String idempotencyKey, String saleToken, String address) {
        if (!tokens.valid(saleToken, saleId, shopperId)) {
            return Uni.createFrom().failure(new ProblemException(Problem.of("sale-token-invalid", "Sale token invalid",
                    403, "Buying needs the sale token issued to you for this sale (GET .../token), sent as Sale-Token.")));
        }
        return gate.buy(saleId, shopperId, idempotencyKey, address, clock.instant());
    }
}
