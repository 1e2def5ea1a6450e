package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
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

/**
 * A virtual good of the points mall: bought with points and handed over at once, a coupon of a
 * template (COUPON) or a voucher code (VOUCHER). Its stock and each shopper's limit hold under
 * concurrency because a redemption locks the reward's row.
 */
@Entity
public class Reward extends PanacheEntityBase {

    public enum Kind { COUPON, VOUCHER }

    public enum Status { ACTIVE, ENDED }

    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String ownerId;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private Long couponTemplateId;
    private long pointsCost;
    private int stock;
    private int redeemed;
    private int perShopperLimit;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;

    protected Reward() {
    }

    /** What an operator offers: {@code couponTemplateId} for a COUPON reward, null for a VOUCHER. */
    public record Offer(String name, String description, Kind kind, Long couponTemplateId, long pointsCost, int stock,
                        int perShopperLimit) {
        public Offer {
            if ((kind == Kind.COUPON) != (couponTemplateId != null)) {
                throw new RuleViolation("reward-kind-mismatch",
                        "A COUPON reward names a coupon template, and a VOUCHER reward none.");
            }
            if (pointsCost <= 0 || stock < 0 || perShopperLimit <= 0) {
                throw new RuleViolation("reward-terms-invalid",
                        "A reward costs at least 1 point, has a stock of 0 or more and a limit of at least 1.");
            }
        }
    }

    public static Reward offered(String ownerId, Offer offer, Instant now) {
        var reward = new Reward();
        reward.ownerId = ownerId;
        reward.name = offer.name();
        reward.description = offer.description();
        reward.kind = offer.kind();
        reward.couponTemplateId = offer.couponTemplateId();
        reward.pointsCost = offer.pointsCost();
        reward.stock = offer.stock();
        reward.perShopperLimit = offer.perShopperLimit();
        reward.status = Status.ACTIVE;
        reward.createdAt = now;
        return reward;
    }

    /**
     * One more is redeemed by a shopper who has redeemed {@code alreadyRedeemed} of it: refused
     * when it has ended, is out of stock or the shopper is at the limit.
     */
    public void redeem(long alreadyRedeemed) {
        if (status != Status.ACTIVE) {
            throw new RuleViolation("reward-ended", "Reward " + id + " can no longer be redeemed.");
        }
        if (redeemed >= stock) {
            throw new RuleViolation("reward-sold-out", "Reward " + id + " is sold out.");
        }
        if (alreadyRedeemed >= perShopperLimit) {
            throw new RuleViolation("reward-limit-reached", "You have redeemed reward " + id + " "
                    + alreadyRedeemed + " times, its limit per shopper.");
        }
        redeemed++;
    }

    public void end() {
        status = Status.ENDED;
    }

    public static List<Reward> active(int page, int size) {
        return find("status", Sort.ascending("pointsCost", "id"), Status.ACTIVE).page(Page.of(page, size)).list();
    }

    /** An admin sees every reward, a merchant those it offered. */
    public static List<Reward> managedBy(String operatorId, boolean admin, int page, int size) {
        var query = admin ? findAll(Sort.descending("createdAt", "id"))
                : find("ownerId", Sort.descending("createdAt", "id"), operatorId);
        return query.page(Page.of(page, size)).list();
    }

    public static Optional<Reward> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean managedBy(String operatorId, boolean admin) {
        return admin || ownerId.equals(operatorId);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    public Long couponTemplateId() {
        return couponTemplateId;
    }

    public long pointsCost() {
        return pointsCost;
    }

    public int stock() {
        return stock;
    }

    public int left() {
        return stock - redeemed;
    }

    public int perShopperLimit() {
        return perShopperLimit;
    }

    public Status status() {
        return status;
    }
}
