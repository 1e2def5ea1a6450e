package io.quarkmall.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** One reward a shopper bought with points, and what they were handed: a coupon or a voucher code. */
@Entity
public class RewardRedemption extends PanacheEntityBase {

    /** The ledger reason of the debit that pays for a reward. */
    public static final String REDEEMED_REWARD = "REDEEMED_REWARD";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long rewardId;
    private String shopperId;
    private long points;
    private Long couponId;
    private String code;
    private Instant createdAt;

    protected RewardRedemption() {
    }

    public static RewardRedemption of(Reward reward, String shopperId, Instant now) {
        var redemption = new RewardRedemption();
        redemption.rewardId = reward.id();
        redemption.shopperId = shopperId;
        redemption.points = reward.pointsCost();
        redemption.createdAt = now;
        return redemption;
    }

    public void handOver(Long couponId, String code) {
        this.couponId = couponId;
        this.code = code;
    }

    public static long count(String shopperId, long rewardId) {
        return count("shopperId = ?1 and rewardId = ?2", shopperId, rewardId);
    }

    public static List<RewardRedemption> of(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt", "id"), shopperId).page(Page.of(page, size)).list();
    }

    public Long id() {
        return id;
    }

    public long rewardId() {
        return rewardId;
    }

    public long points() {
        return points;
    }

    public Long couponId() {
        return couponId;
    }

    public String code() {
        return code;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
