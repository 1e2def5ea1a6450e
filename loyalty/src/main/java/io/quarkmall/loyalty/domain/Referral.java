package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;

/**
 * A new shopper came on another's referral code: once per referred shopper. When the referred
 * shopper's first order is paid, both are rewarded, once.
 */
@Entity
public class Referral extends PanacheEntityBase {

    @Id
    private String referredId;
    private String referrerId;
    private String code;
    private Instant registeredAt;
    private Long rewardedOrderId;
    private Instant rewardedAt;

    protected Referral() {
    }

    /**
     * Registers {@code code} for a shopper who has paid no order yet, came on no code before and did
     * not refer the code's owner.
     * The caller holds the shopper's activity lock, so these checks and the first paid order cannot
     * cross.
     */
    public static Referral register(String referredId, ReferralCode code, boolean hasPaidOrder, Instant now) {
        if (code.shopperId().equals(referredId)) {
            throw new RuleViolation("own-referral-code", "A shopper cannot register their own referral code.");
        }
        boolean referredByThisShopper = Referral.<Referral>findByIdOptional(code.shopperId())
                .filter(theirs -> theirs.referrerId.equals(referredId)).isPresent();
        if (referredByThisShopper) {
            throw new RuleViolation("mutual-referral", "A shopper cannot register the code of a shopper they referred.");
        }
        if (findByIdOptional(referredId).isPresent()) {
            throw new RuleViolation("already-referred", "This shopper has already registered a referral code.");
        }
        if (hasPaidOrder) {
            throw new RuleViolation("not-a-new-shopper",
                    "A referral code is for new shoppers: it can be registered only before the first paid order.");
        }
        var referral = new Referral();
        referral.referredId = referredId;
        referral.referrerId = code.shopperId();
        referral.code = code.code();
        referral.registeredAt = now;
        referral.persist();
        return referral;
    }

    public static Optional<Referral> of(String referredId) {
        return findByIdOptional(referredId);
    }

    /** Marks the referral rewarded for this order; false if it already was. */
    public boolean rewarded(long orderId, Instant now) {
        if (rewardedAt != null) {
            return false;
        }
        rewardedOrderId = orderId;
        rewardedAt = now;
        return true;
    }

    /** Whether this order's payment rewarded the referral. */
    public boolean rewardedFor(long orderId) {
        return rewardedOrderId != null && rewardedOrderId == orderId;
    }

    /** How many shoppers came on this shopper's code, and how many of them have paid their first order. */
    public static long referredBy(String referrerId) {
        return count("referrerId", referrerId);
    }

    public static long rewardedFor(String referrerId) {
        return count("referrerId = ?1 and rewardedAt is not null", referrerId);
    }

    public String referredId() {
        return referredId;
    }

    public String referrerId() {
        return referrerId;
    }

    public String code() {
        return code;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant rewardedAt() {
        return rewardedAt;
    }
}
