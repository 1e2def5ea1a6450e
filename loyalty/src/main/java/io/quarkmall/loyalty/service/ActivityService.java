package io.quarkmall.loyalty.service;

import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.loyalty.config.ActivityConfig;
import io.quarkmall.loyalty.domain.PaidOrder;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.Posting;
import io.quarkmall.loyalty.domain.Referral;
import io.quarkmall.loyalty.domain.ReferralCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * The one-off activities: a shopper's first paid order, and referrals (a shopper's code, registered
 * once by a new shopper; both rewarded when that shopper's first order is paid). Each is rewarded
 * once, whatever arrives twice: the shopper's activity lock orders them, and the ledger records a
 * posting once.
 */
@ApplicationScoped
public class ActivityService {

    /** Ledger reasons: the bonus of a first paid order, and the two sides of a referral. */
    public static final String FIRST_PAID_ORDER = "FIRST_PAID_ORDER";
    public static final String REFERRAL_WELCOME = "REFERRAL_WELCOME";
    public static final String REFERRAL_REWARD = "REFERRAL_REWARD";
    /** Ledger reasons of taking those bonuses back when the first paid order is refunded in full. */
    public static final String FIRST_PAID_ORDER_REFUNDED = "FIRST_PAID_ORDER_REFUNDED";
    public static final String REFERRAL_WELCOME_REFUNDED = "REFERRAL_WELCOME_REFUNDED";
    public static final String REFERRAL_REWARD_REFUNDED = "REFERRAL_REWARD_REFUNDED";

    /** A shopper's referral code and how it has done. */
    public record ReferralSummary(String code, Optional<Referral> referredBy, long referred, long rewarded) {}

    private final ActivityConfig config;
    private final ShopperLocks locks;
    private final PointsLedger ledger;
    private final Clock clock;

    ActivityService(ActivityConfig config, ShopperLocks locks, PointsLedger ledger, Clock clock) {
        this.config = config;
        this.locks = locks;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The shopper's code (made on the first ask), who referred them, and how many came on their code. */
    @Transactional
    public ReferralSummary referralsOf(String shopperId) {
        var code = ReferralCode.of(shopperId, clock.instant());
        return new ReferralSummary(code.code(), Referral.of(shopperId), Referral.referredBy(shopperId),
                Referral.rewardedFor(shopperId));
    }

    /**
     * A new shopper registers another's code: 422 for a code that does not exist; 409 for their own
     * code, a second registration, or a shopper who has already paid an order.
     */
    @Transactional
    public Referral register(String shopperId, String code) {
        locks.lockActivities(shopperId);
        var referrer = ReferralCode.byCode(code).orElseThrow(() -> new ProblemException(Problem.of(
                "unknown-referral-code", "Unknown referral code", 422, "No shopper has the referral code " + code + ".")));
        return Referral.register(shopperId, referrer, paidBefore(shopperId), clock.instant());
    }

    /**
     * Whether the shopper has paid an order before: one loyalty keeps, or one that earned points
     * before loyalty kept paid orders. Called under the shopper's activity lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean paidBefore(String shopperId) {
        return PaidOrder.hasPaidOrder(shopperId) || PointsLedgerEntry.count("shopperId = ?1 and reason = ?2",
                shopperId, PointsLedgerEntry.EARNED_FOR_ORDER) > 0;
    }

    /**
     * The shopper's first paid order: its bonus and, if they came on a referral code, the
     * referral's rewards for both shoppers. The caller holds the shopper's activity lock and has
     * found no earlier paid order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void firstOrderPaid(String shopperId, long orderId) {
        credit(Posting.forOrder(shopperId, FIRST_PAID_ORDER, orderId), config.firstPaidOrderBonus());
        var referral = Referral.of(shopperId);
        if (referral.isPresent() && referral.get().rewarded(orderId, clock.instant())) {
            credit(Posting.forOrder(shopperId, REFERRAL_WELCOME, orderId), config.referredBonus());
            credit(Posting.of(referral.get().referrerId(), REFERRAL_REWARD, "referred:" + shopperId),
                    config.referrerBonus());
        }
    }

    /**
     * A first paid order refunded in full earns no bonus: its first-order and referral bonuses are
     * taken back, the referrer's too (as far as the balances hold them), once. The shopper's next
     * order is not a first order. The caller holds the shopper's activity lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paidOrderRefunded(String shopperId, long orderId) {
        takeBack(PointsLedgerEntry.ofOrder(orderId, FIRST_PAID_ORDER),
                Posting.forOrder(shopperId, FIRST_PAID_ORDER_REFUNDED, orderId));
        takeBack(PointsLedgerEntry.ofOrder(orderId, REFERRAL_WELCOME),
                Posting.forOrder(shopperId, REFERRAL_WELCOME_REFUNDED, orderId));
        Referral.of(shopperId).filter(referral -> referral.rewardedFor(orderId)).ifPresent(referral -> {
            String reference = "referred:" + shopperId;
            takeBack(PointsLedgerEntry.find(referral.referrerId(), REFERRAL_REWARD, reference),
                    Posting.of(referral.referrerId(), REFERRAL_REWARD_REFUNDED, reference));
        });
    }

    private void takeBack(Optional<PointsLedgerEntry> credit, Posting posting) {
        credit.ifPresent(entry -> ledger.takeBack(entry, posting, entry.points()));
    }

    private void credit(Posting posting, long points) {
        if (points > 0) {
            ledger.credit(posting, points);
        }
    }
}
