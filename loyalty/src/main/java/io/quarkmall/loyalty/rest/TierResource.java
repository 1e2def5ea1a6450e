package io.quarkmall.loyalty.rest;

import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.TierLadder.Tier;
import io.quarkmall.loyalty.service.TierService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/tiers/me")
@RolesAllowed("shopper")
public class TierResource {

    /** The caller's tier, the spend behind it (paid totals less refunds since {@code spendSince}), and the next tier up. */
    public record TierView(String tier, int multiplierBasisPoints, Money spend, Instant spendSince, NextTierView next) {}

    /** The next tier, the spend that reaches it, and how much more is needed. */
    public record NextTierView(String tier, int multiplierBasisPoints, Money threshold, Money remaining) {
        static NextTierView of(Tier tier, Money spend) {
            long remaining = Math.max(0, tier.threshold().amountMinor() - spend.amountMinor());
            return new NextTierView(tier.name(), tier.multiplierBasisPoints(), tier.threshold(),
                    new Money(remaining, spend.currency()));
        }
    }

    @Inject
    JsonWebToken caller;
    @Inject
    TierService tiers;

    @GET
    @Operation(summary = "The caller's membership tier, their rolling 12-month spend, and the next tier's threshold "
            + "(null at the top tier)")
    public TierView mine() {
        var standing = tiers.standingOf(caller.getSubject());
        return new TierView(standing.tier().name(), standing.tier().multiplierBasisPoints(), standing.spend(),
                standing.since(), standing.next().map(next -> NextTierView.of(next, standing.spend())).orElse(null));
    }
}
