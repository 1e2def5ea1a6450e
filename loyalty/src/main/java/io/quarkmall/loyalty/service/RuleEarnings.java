package io.quarkmall.loyalty.service;

import io.quarkmall.loyalty.config.LoyaltyConfig;
import io.quarkmall.loyalty.domain.EarningOccasion;
import io.quarkmall.loyalty.domain.EarningPolicy;
import io.quarkmall.loyalty.domain.EarningRule;
import io.quarkmall.loyalty.domain.EarningRules;
import io.quarkmall.loyalty.domain.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What an order earns on an occasion: the rules as they stand now, at the shopper's tier. */
@ApplicationScoped
public class RuleEarnings {

    private final LoyaltyConfig config;
    private final TierService tiers;

    RuleEarnings(LoyaltyConfig config, TierService tiers) {
        this.config = config;
        this.tiers = tiers;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EarningRules.Earning of(EarningOccasion occasion, Purchase purchase, String shopperId) {
        var rules = new EarningRules(new EarningPolicy(config.pointsPerUnit()), EarningRule.grantingOn(occasion.trigger()));
        return rules.evaluate(occasion, purchase, tiers.multiplierOf(shopperId));
    }
}
