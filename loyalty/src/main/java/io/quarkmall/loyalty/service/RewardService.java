package io.quarkmall.loyalty.service;

import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.loyalty.domain.ConsoleScope;
import io.quarkmall.loyalty.domain.Reward;
import io.quarkmall.loyalty.domain.RewardRedemption;
import io.quarkmall.loyalty.domain.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * The points mall's virtual goods: an operator offers a reward, a shopper redeems it with points
 * and is handed the coupon or voucher at once. A redemption locks the reward (its stock and each
 * shopper's limit) and then the shopper's points account (the ledger), in that order everywhere.
 */
@ApplicationScoped
public class RewardService {

    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PointsLedger ledger;
    private final CouponTemplateService coupons;
    private final Clock clock;

    RewardService(PointsLedger ledger, CouponTemplateService coupons, Clock clock) {
        this.ledger = ledger;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** A merchant may offer coupons of its own templates; an admin of any. */
    @Transactional
    public Reward offer(ConsoleScope scope, Reward.Offer offer) {
        if (offer.kind() == Reward.Kind.COUPON && scope.template(offer.couponTemplateId()).isEmpty()) {
            throw ProblemException.notFound("Coupon template " + offer.couponTemplateId());
        }
        var reward = Reward.offered(scope.operatorId(), offer, clock.instant());
        reward.persist();
        return reward;
    }

    @Transactional
    public Reward end(ConsoleScope scope, long rewardId) {
        var reward = Reward.lock(rewardId).filter(r -> r.managedBy(scope.operatorId(), scope.admin()))
                .orElseThrow(() -> ProblemException.notFound("Reward " + rewardId));
        reward.end();
        return reward;
    }

    /**
     * Pays for the reward with points and hands it over: refused, with nothing changed, if it has
     * ended, is sold out, the shopper is at its limit or short of points.
     */
    @Transactional
    public RewardRedemption redeem(String shopperId, long rewardId) {
        var reward = Reward.lock(rewardId).orElseThrow(() -> ProblemException.notFound("Reward " + rewardId));
        reward.redeem(RewardRedemption.count(shopperId, rewardId));
        Instant now = clock.instant();
        var redemption = RewardRedemption.of(reward, shopperId, now);
        redemption.persist();
        ledger.debit(new Posting(shopperId, RewardRedemption.REDEEMED_REWARD, "redemption:" + redemption.id(), null),
                reward.pointsCost());
        if (reward.kind() == Reward.Kind.COUPON) {
            var coupon = coupons.issue(new ConsoleScope("points-mall", true), reward.couponTemplateId(), shopperId);
            redemption.handOver(coupon.id(), null);
        } else {
            redemption.handOver(null, voucherCode());
        }
        return redemption;
    }

    private static String voucherCode() {
        var code = new StringBuilder("QM-");
        for (int i = 0; i < 12; i++) {
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
