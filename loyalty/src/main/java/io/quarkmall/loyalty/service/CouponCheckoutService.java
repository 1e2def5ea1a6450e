package io.quarkmall.loyalty.service;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.loyalty.config.LoyaltyConfig;
import io.quarkmall.loyalty.domain.Coupon;
import io.quarkmall.loyalty.domain.CouponEvent;
import io.quarkmall.loyalty.domain.CouponEvent.CouponsRefused;
import io.quarkmall.loyalty.domain.CouponEvent.CouponsUsed;
import io.quarkmall.loyalty.domain.CouponPolicy;
import io.quarkmall.loyalty.domain.CouponPolicy.Candidate;
import io.quarkmall.loyalty.domain.CouponPolicy.Line;
import io.quarkmall.loyalty.domain.CouponQuote;
import io.quarkmall.loyalty.domain.CouponUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Coupons at checkout: the quote of what the chosen coupons take off a cart (it changes nothing),
 * their use by a placed order (announced on loyalty.coupons.v1), and their return when the order
 * is cancelled, each once per order.
 */
@ApplicationScoped
public class CouponCheckoutService {

    private final Outbox outbox;
    private final Clock clock;
    private final LoyaltyConfig config;

    CouponCheckoutService(Outbox outbox, Clock clock, LoyaltyConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public CouponQuote quote(String shopperId, List<Line> lines, List<Long> couponIds) {
        if (lines.stream().map(line -> line.unitPrice().currency()).distinct().count() > 1) {
            throw new ProblemException(Problem.of("mixed-currencies", "Cannot quote", 422,
                    "All lines of a cart are in one currency: items priced in different currencies are checked out separately."));
        }
        Map<Long, Coupon> found = couponIds.isEmpty() ? Map.of() : Coupon.withTemplates(couponIds).stream()
                .collect(Collectors.toMap(Coupon::id, Function.identity()));
        List<Candidate> chosen = couponIds.stream().map(id -> {
            Coupon coupon = found.get(id);
            if (coupon == null) {
                throw CouponPolicy.notYours(id);
            }
            return coupon.candidate();
        }).toList();
        return CouponPolicy.quote(shopperId, clock.instant(), lines, chosen);
    }

    /**
     * Order {@code orderId} of {@code shopperId} uses these coupons: each must be the shopper's,
     * unused, valid now, and all must stack. Done once per order: the same call again changes
     * nothing, and another set of coupons for the order is refused. Answers how many it marked USED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int useForOrder(String shopperId, long orderId, Collection<Long> couponIds) {
        return use(shopperId, orderId, couponIds);
    }

    /**
     * A placed order (order.v1 OrderPlaced) uses its coupons, and loyalty announces the outcome on
     * loyalty.coupons.v1: CouponsUsed, or CouponsRefused with the reason, none of them used. Once
     * per order: if the order used them already, nothing is announced again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderPlaced(long orderId, String shopperId, List<Long> couponIds) {
        if (couponIds.isEmpty()) {
            return;
        }
        int used;
        try {
            used = use(shopperId, orderId, couponIds);
        } catch (RuleViolation refused) {
            announce(new CouponsRefused(orderId, shopperId, refused.getMessage()));
            return;
        }
        if (used > 0) {
            announce(new CouponsUsed(orderId, shopperId, List.copyOf(couponIds)));
        }
    }

    /** Refuses (a RuleViolation) before changing anything, so a refusal leaves the caller's transaction as it was. */
    private int use(String shopperId, long orderId, Collection<Long> couponIds) {
        var ids = new TreeSet<>(couponIds);
        if (ids.isEmpty()) {
            return 0;
        }
        List<Coupon> coupons = Coupon.lock(ids);
        var earlier = CouponUse.ofOrder(orderId).stream().map(CouponUse::couponId).collect(Collectors.toCollection(TreeSet::new));
        if (!earlier.isEmpty()) {
            if (earlier.equals(ids)) {
                return 0;
            }
            throw new RuleViolation("order-coupons-differ", "Order " + orderId + " already used coupons " + earlier + ".");
        }
        var mine = coupons.stream().filter(c -> c.shopperId().equals(shopperId)).map(Coupon::id).collect(Collectors.toSet());
        ids.stream().filter(id -> !mine.contains(id)).findFirst().ifPresent(id -> {
            throw CouponPolicy.notYours(id);
        });
        CouponPolicy.requireStackable(coupons.stream().map(Coupon::candidate).toList());
        Instant now = clock.instant();
        coupons.forEach(coupon -> coupon.requireUsableBy(shopperId, now));
        coupons.forEach(coupon -> coupon.useFor(shopperId, orderId, now).persist());
        return coupons.size();
    }

    /**
     * A cancelled order gives its coupons back, once: they are AVAILABLE again (shown EXPIRED if
     * their validity has passed). Answers how many came back; 0 when called again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int returnForOrder(long orderId) {
        Instant now = clock.instant();
        List<Coupon> coupons = Coupon.lockUsedBy(orderId);
        for (Coupon coupon : coupons) {
            var use = CouponUse.open(coupon.id(), orderId).orElseThrow(() -> new IllegalStateException(
                    "Coupon " + coupon.id() + " is used by order " + orderId + " with no record of the use"));
            coupon.returnFrom(use, now);
        }
        return coupons.size();
    }

    private void announce(CouponEvent event) {
        outbox.record(config.couponsTopic(), Long.toString(event.orderId()), event);
    }
}
