package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.RedemptionPolicy;
import io.quarkmall.cartorder.domain.RedemptionTerms;
import io.quarkmall.cartorder.domain.ShopperHoldings;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * A shopper redeems a SKU in the points mall: a REDEMPTION order goes through the checkout saga
 * like any other (stock holds the units, loyalty the points, shipping sends the parcel). Placed in
 * the shopper's checkout turn, so parallel redemptions cannot pass the per-shopper limit together.
 */
@ApplicationScoped
public class RedemptionService {

    private static final String REFUSED = "Cannot redeem";

    private final ShopperCheckouts shoppers;
    private final OrderEvents events;
    private final Clock clock;
    private final OrderConfig config;

    RedemptionService(ShopperCheckouts shoppers, OrderEvents events, Clock clock, OrderConfig config) {
        this.shoppers = shoppers;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    /** 404 for a SKU cart-order never heard of; 422, nothing placed, for any other refusal. */
    @Transactional
    public Order redeem(String shopperId, String skuCode, int quantity) {
        shoppers.takeTurn(shopperId);
        CatalogSku sku = CatalogSku.<CatalogSku>findByIdOptional(skuCode)
                .orElseThrow(() -> ProblemException.notFound("SKU " + skuCode));
        if (!sku.listed()) {
            throw unprocessable("sku-unavailable", "SKU " + skuCode + " is not for sale: its product is not listed.");
        }
        RedemptionTerms terms = sku.redemptionTerms().orElseThrow(() -> unprocessable("sku-not-redeemable",
                "SKU " + skuCode + " has no points price: it cannot be redeemed with points."));
        var decision = RedemptionPolicy.decide(terms, quantity, ShopperHoldings.redeemedUnitsOf(shopperId, skuCode));
        if (decision instanceof RedemptionPolicy.Refuse no) {
            throw unprocessable(no.type(), no.detail());
        }
        var allowed = (RedemptionPolicy.Allow) decision;
        shoppers.requireWithinLimits(shopperId, quantity, REFUSED);
        var now = clock.instant();
        Order order = Order.redeem(shopperId, new Order.Item(sku.sku(), sku.productName(), quantity, allowed.unitCash()),
                allowed.points(), now, now.plus(config.paymentTimeout()));
        order.persistAndFlush();
        events.placed(order);
        return order;
    }

    private static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(Problem.of(type, REFUSED, 422, detail));
    }
}
