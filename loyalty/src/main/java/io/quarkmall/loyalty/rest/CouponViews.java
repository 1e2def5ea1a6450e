package io.quarkmall.loyalty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.Coupon;
import io.quarkmall.loyalty.domain.CouponTemplate;
import io.quarkmall.loyalty.domain.CouponTerms;
import java.time.Instant;
import java.util.List;

/** What clients see of coupon templates and coupons: never the entities themselves. */
public final class CouponViews {

    /**
     * A template; a field its kind does not use is left out. {@code ownerId} (who created it) only
     * in the console.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TemplateView(long id, String name, String summary, String kind, Money amountOff,
                               Integer percentOffBasisPoints, Money cap, Money minSubtotal, String scope,
                               List<String> scopeTargets, Instant validFrom, Instant validTo, Integer validDaysAfterClaim,
                               int perShopperLimit, int totalLimit, int issued, boolean stackable, String exclusiveGroup,
                               String status, String ownerId, Instant createdAt) {

        static TemplateView forConsole(CouponTemplate t) {
            return of(t, t.ownerId());
        }

        static TemplateView forShoppers(CouponTemplate t) {
            return of(t, null);
        }

        private static TemplateView of(CouponTemplate t, String ownerId) {
            CouponTerms terms = t.terms();
            var validity = t.validity();
            return new TemplateView(t.id(), t.name(), summaryOf(t), terms.kind().name(), money(terms.amountOffMinor(), terms),
                    terms.percentOffBasisPoints() == 0 ? null : terms.percentOffBasisPoints(),
                    terms.capMinor() == null ? null : money(terms.capMinor(), terms), money(terms.minSubtotalMinor(), terms),
                    t.scope().kind().name(), t.scope().targets(), validity.from(), validity.to(), validity.daysAfterClaim(),
                    t.limits().perShopper(), t.limits().total(), t.issued(), t.stacking().stackable(),
                    t.stacking().exclusiveGroup(), t.status().name(), ownerId, t.createdAt());
        }
    }

    /** A coupon in the caller's wallet; {@code orderId} while an order uses it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CouponView(long id, long templateId, String name, String summary, boolean stackable,
                             String exclusiveGroup, String state, String source, Instant validFrom, Instant expiresAt,
                             Long orderId, Instant issuedAt) {

        static CouponView of(Coupon c, Instant now) {
            CouponTemplate t = c.template();
            return new CouponView(c.id(), t.id(), t.name(), summaryOf(t), t.stacking().stackable(), t.stacking().exclusiveGroup(),
                    c.stateAt(now).name(), c.source().name(), c.validFrom(), c.expiresAt(), c.orderId().orElse(null), c.issuedAt());
        }
    }

    /** "CNY 20.00 off CNY 200.00 or more on category c1". */
    private static String summaryOf(CouponTemplate t) {
        return t.terms().describe() + " on " + t.scope().describe();
    }

    private static Money money(long minor, CouponTerms terms) {
        return minor == 0 ? null : new Money(minor, terms.currency());
    }

    private CouponViews() {
    }
}
