package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A kind of coupon an operator (a merchant, or an admin) hands out: its terms, scope, validity,
 * limits and stacking. ACTIVE templates can be claimed by shoppers; a PAUSED one only issued by
 * its operator; an ENDED one never again. Coupons already handed out keep their own validity
 * whatever the template's status. {@code issued} counts every coupon handed out, and never passes
 * the total limit (the table checks it too).
 */
@Entity
public class CouponTemplate extends PanacheEntityBase {

    public enum Status { ACTIVE, PAUSED, ENDED }

    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String ownerId;
    private String name;
    @Enumerated(EnumType.STRING)
    private CouponTerms.Kind kind;
    private String currency;
    private long amountOffMinor;
    private int percentOffBasisPoints;
    private Long capMinor;
    private long minSubtotalMinor;
    @Enumerated(EnumType.STRING)
    private CouponScope.Kind scope;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] scopeTargets;
    private Instant validFrom;
    private Instant validTo;
    private Integer validDaysAfterClaim;
    private int perShopperLimit;
    private int totalLimit;
    private boolean stackable;
    private String exclusiveGroup;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int issued;
    private Instant createdAt;
    private Instant updatedAt;

    protected CouponTemplate() {
    }

    /** A new ACTIVE template of {@code ownerId}; the caller persists it. */
    public static CouponTemplate create(String ownerId, String name, CouponTerms terms, CouponScope scope,
                                        Validity validity, ClaimLimits limits, Stacking stacking, Instant now) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new RuleViolation("coupon-name", "A coupon template needs a name of 1 to " + MAX_NAME + " characters.");
        }
        var template = new CouponTemplate();
        template.ownerId = ownerId;
        template.name = name.strip();
        template.kind = terms.kind();
        template.currency = terms.currency();
        template.amountOffMinor = terms.amountOffMinor();
        template.percentOffBasisPoints = terms.percentOffBasisPoints();
        template.capMinor = terms.capMinor();
        template.minSubtotalMinor = terms.minSubtotalMinor();
        template.scope = scope.kind();
        template.scopeTargets = scope.targets().toArray(String[]::new);
        template.validFrom = validity.from();
        template.validTo = validity.to();
        template.validDaysAfterClaim = validity.daysAfterClaim();
        template.perShopperLimit = limits.perShopper();
        template.totalLimit = limits.total();
        template.stackable = stacking.stackable();
        template.exclusiveGroup = stacking.exclusiveGroup();
        template.status = Status.ACTIVE;
        template.createdAt = now;
        template.updatedAt = now;
        return template;
    }

    /**
     * Hands a coupon to {@code shopperId}, who holds {@code held} of this template already: a
     * shopper claims from an ACTIVE template, an operator issues from one not ENDED, both within
     * the limits and before a fixed window ends. The caller persists the coupon.
     */
    public Coupon handOut(String shopperId, long held, Coupon.Source source, Instant now) {
        if (status == Status.ENDED || (source == Coupon.Source.CLAIMED && status != Status.ACTIVE)) {
            throw new RuleViolation("coupon-template-not-active", "Coupon template " + id + " is " + status
                    + (source == Coupon.Source.CLAIMED ? ": only ACTIVE templates can be claimed." : ": it hands out no more coupons."));
        }
        if (!validity().claimableAt(now)) {
            throw new RuleViolation("coupon-template-over", "Coupon template " + id + " was valid until " + validTo + ".");
        }
        if (issued >= totalLimit) {
            throw new RuleViolation("coupon-template-sold-out", "All " + totalLimit + " coupons of template " + id + " are handed out.");
        }
        if (held >= perShopperLimit) {
            throw new RuleViolation("coupon-limit-reached", "A shopper may hold " + perShopperLimit
                    + " coupon(s) of template " + id + ", and already holds " + held + ".");
        }
        issued++;
        updatedAt = now;
        return Coupon.handedOut(this, shopperId, source, validity().windowFor(now), now);
    }

    public void pause(Instant now) {
        move(Status.ACTIVE, Status.PAUSED, now);
    }

    public void resume(Instant now) {
        move(Status.PAUSED, Status.ACTIVE, now);
    }

    /** Ends the template, ACTIVE or PAUSED: it hands out no more coupons, ever. */
    public void end(Instant now) {
        if (status == Status.ENDED) {
            throw new RuleViolation("coupon-template-ended", "Coupon template " + id + " has already ended.");
        }
        status = Status.ENDED;
        updatedAt = now;
    }

    private void move(Status from, Status to, Instant now) {
        if (status != from) {
            throw new RuleViolation("coupon-template-not-" + from.name().toLowerCase(), "Coupon template " + id + " is "
                    + status + ", so it cannot be " + (to == Status.PAUSED ? "paused" : "resumed") + ".");
        }
        status = to;
        updatedAt = now;
    }

    /** Locked until the transaction ends: claims and issues of one template run one at a time. */
    public static Optional<CouponTemplate> lockById(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** ACTIVE templates whose coupons can still be claimed, newest first. */
    public static List<CouponTemplate> claimable(Instant now, int page, int size) {
        return find("status = :active and issued < totalLimit and (validTo is null or validTo > :now)",
                Sort.descending("createdAt", "id"), Parameters.with("active", Status.ACTIVE).and("now", now))
                .page(Page.of(page, size)).list();
    }

    public CouponTerms terms() {
        return new CouponTerms(kind, currency, amountOffMinor, percentOffBasisPoints, capMinor, minSubtotalMinor);
    }

    public CouponScope scope() {
        return new CouponScope(scope, List.of(scopeTargets));
    }

    public Validity validity() {
        return new Validity(validFrom, validTo, validDaysAfterClaim);
    }

    public ClaimLimits limits() {
        return new ClaimLimits(perShopperLimit, totalLimit);
    }

    public Stacking stacking() {
        return new Stacking(stackable, exclusiveGroup);
    }

    public Long id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    public int issued() {
        return issued;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
