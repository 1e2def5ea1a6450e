package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One coupon in one shopper's wallet. It is AVAILABLE until an order uses it (USED, with that
 * order), and AVAILABLE again if the order is cancelled. Expiry is not stored: an AVAILABLE coupon
 * past its validity is shown as EXPIRED and refused at checkout.
 */
@Entity
public class Coupon extends PanacheEntityBase {

    /** How the shopper got it: claimed it, or an operator issued it. */
    public enum Source { CLAIMED, ISSUED }

    public enum Status { AVAILABLE, USED }

    /** What the wallet shows: the status, with EXPIRED for an AVAILABLE coupon past its validity. */
    public enum State { AVAILABLE, USED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private CouponTemplate template;
    private String shopperId;
    @Enumerated(EnumType.STRING)
    private Source source;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant validFrom;
    private Instant expiresAt;
    /** The order using it while USED. */
    private Long orderId;
    private Instant issuedAt;

    protected Coupon() {
    }

    static Coupon handedOut(CouponTemplate template, String shopperId, Source source, Validity.Window window, Instant now) {
        var coupon = new Coupon();
        coupon.template = template;
        coupon.shopperId = shopperId;
        coupon.source = source;
        coupon.status = Status.AVAILABLE;
        coupon.validFrom = window.from();
        coupon.expiresAt = window.until();
        coupon.issuedAt = now;
        return coupon;
    }

    public State stateAt(Instant now) {
        if (status == Status.USED) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.AVAILABLE : State.EXPIRED;
    }

    /**
     * {@code orderId} of {@code shopperId} uses this coupon: it must be the shopper's, unused and
     * valid now. Answers the use to record.
     */
    public CouponUse useFor(String shopperId, long orderId, Instant now) {
        requireUsableBy(shopperId, now);
        status = Status.USED;
        this.orderId = orderId;
        return new CouponUse(id, orderId, now);
    }

    /** Refuses, changing nothing, unless {@code shopperId} may use this coupon now: theirs, unused and valid. */
    public void requireUsableBy(String shopperId, Instant now) {
        if (!this.shopperId.equals(shopperId)) {
            throw CouponPolicy.notYours(id);
        }
        if (status == Status.USED) {
            throw new RuleViolation("coupon-already-used", "Coupon " + id + " is already used by another order.");
        }
        if (now.isBefore(validFrom)) {
            throw new RuleViolation("coupon-not-yet-valid", "Coupon " + id + " is valid from " + validFrom + ".");
        }
        if (!now.isBefore(expiresAt)) {
            throw new RuleViolation("coupon-expired", "Coupon " + id + " expired at " + expiresAt + ".");
        }
    }

    /** The order that used it was cancelled: the coupon is back in the wallet (EXPIRED if its validity has passed). */
    public void returnFrom(CouponUse use, Instant now) {
        if (status != Status.USED || !orderId.equals(use.orderId()) || !id.equals(use.couponId())) {
            throw new RuleViolation("coupon-not-used-by-order", "Coupon " + id + " is not used by order " + use.orderId() + ".");
        }
        status = Status.AVAILABLE;
        orderId = null;
        use.returned(now);
    }

    public CouponPolicy.Candidate candidate() {
        return new CouponPolicy.Candidate(id, shopperId, template.name(), template.terms(), template.scope(),
                template.stacking(), validFrom, expiresAt, status == Status.USED);
    }

    /** How many coupons of the template the shopper holds, in any state. */
    public static long heldBy(String shopperId, long templateId) {
        return count("shopperId = ?1 and template.id = ?2", shopperId, templateId);
    }

    /** The shopper's coupons, newest first, only those in {@code state} if given. */
    public static List<Coupon> wallet(String shopperId, Optional<State> state, Instant now, int page, int size) {
        var parameters = Parameters.with("shopper", shopperId);
        String where = "";
        if (state.isPresent()) {
            parameters.and("status", state.get() == State.USED ? Status.USED : Status.AVAILABLE);
            where = " and c.status = :status";
            if (state.get() != State.USED) {
                parameters.and("now", now);
                where += state.get() == State.AVAILABLE ? " and c.expiresAt > :now" : " and c.expiresAt <= :now";
            }
        }
        return find("from Coupon c join fetch c.template where c.shopperId = :shopper" + where
                + " order by c.issuedAt desc, c.id desc", parameters).page(Page.of(page, size)).list();
    }

    /** These coupons, with their templates. */
    public static List<Coupon> withTemplates(Collection<Long> ids) {
        return list("from Coupon c join fetch c.template where c.id in ?1", ids);
    }

    /** These coupons, locked until the transaction ends, in id order so that two transactions cannot deadlock. */
    public static List<Coupon> lock(Collection<Long> ids) {
        return find("id in ?1", Sort.ascending("id"), ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The coupons {@code orderId} uses now, locked until the transaction ends. */
    public static List<Coupon> lockUsedBy(long orderId) {
        return find("status = ?1 and orderId = ?2", Sort.ascending("id"), Status.USED, orderId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Long id() {
        return id;
    }

    public CouponTemplate template() {
        return template;
    }

    public String shopperId() {
        return shopperId;
    }

    public Source source() {
        return source;
    }

    public Status status() {
        return status;
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Long> orderId() {
        return Optional.ofNullable(orderId);
    }

    public Instant issuedAt() {
        return issuedAt;
    }
}
