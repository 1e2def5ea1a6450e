package io.quarkmall.pay.domain.risk;

import io.quarkmall.pay.domain.risk.RiskHistory.Attempts;
import io.quarkmall.pay.domain.risk.RiskLimits.Windows;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.List;

/**
 * Reads a {@link RiskHistory} from earlier assessments. An attempt counts as earlier if it was
 * made at or before this one's time (and stored before it is assessed); "allowed" means let
 * through by risk control or approved by an operator, and not declined by the channel afterwards.
 */
public final class AssessmentHistory {

    /** How many of the shopper's last allowed amounts the median is taken of. */
    public static final int AMOUNTS_KEPT = 50;
    private static final String ALLOWED = "(decision = :allow or reviewStatus = :approved) and channelDeclinedAt is null";
    private static final String A_ALLOWED = "(a.decision = :allow or a.reviewStatus = :approved) and a.channelDeclinedAt is null";

    private AssessmentHistory() {
    }

    public static RiskHistory before(AssessmentRequest attempt, Windows windows) {
        Instant at = attempt.at();
        String device = attempt.deviceId();
        String card = attempt.payerFingerprint();
        return new RiskHistory(
                attempts("shopperId", attempt.shopperId(), at, windows),
                device == null ? Attempts.NONE : attempts("deviceId", device, at, windows),
                card == null ? Attempts.NONE : attempts("payerFingerprint", card, at, windows),
                otherCards(attempt, at.minus(windows.longWindow())),
                earlierAmounts(attempt),
                device != null && allowedBefore(attempt, "deviceId", device, at.minus(windows.longWindow())),
                attempt.shippingAddressHash() != null && allowedBefore(attempt, "shippingAddressHash",
                        attempt.shippingAddressHash(), at.minus(windows.longWindow())),
                (int) RiskAssessment.count("shopperId = :shopper and attemptedAt > :since and attemptedAt <= :at and "
                        + "(decision = :decline or reviewStatus = :declined or channelDeclinedAt is not null)",
                        Parameters.with("shopper", attempt.shopperId()).and("since", at.minus(windows.declines()))
                                .and("at", at).and("decline", RiskDecision.DECLINE).and("declined", ReviewStatus.DECLINED)));
    }

    private static Attempts attempts(String field, String value, Instant at, Windows windows) {
        return new Attempts(countSince(field, value, at.minus(windows.shortWindow()), at),
                countSince(field, value, at.minus(windows.longWindow()), at));
    }

    private static int countSince(String field, String value, Instant since, Instant at) {
        return (int) RiskAssessment.count(field + " = :value and attemptedAt > :since and attemptedAt <= :at",
                Parameters.with("value", value).and("since", since).and("at", at));
    }

    /** Distinct payers other than this attempt's, used by the shopper or on its device since {@code since}. */
    private static int otherCards(AssessmentRequest attempt, Instant since) {
        String who = attempt.deviceId() == null ? "a.shopperId = :shopper" : "(a.shopperId = :shopper or a.deviceId = :device)";
        String other = attempt.payerFingerprint() == null ? "" : " and a.payerFingerprint <> :card";
        var query = RiskAssessment.getEntityManager().createQuery("select count(distinct a.payerFingerprint) from "
                        + "RiskAssessment a where " + who + " and a.payerFingerprint is not null" + other
                        + " and a.attemptedAt > :since and a.attemptedAt <= :at", Long.class)
                .setParameter("shopper", attempt.shopperId()).setParameter("since", since).setParameter("at", attempt.at());
        if (attempt.deviceId() != null) {
            query.setParameter("device", attempt.deviceId());
        }
        if (attempt.payerFingerprint() != null) {
            query.setParameter("card", attempt.payerFingerprint());
        }
        return query.getSingleResult().intValue();
    }

    private static List<Long> earlierAmounts(AssessmentRequest attempt) {
        return RiskAssessment.getEntityManager().createQuery("select a.amount.amountMinor from RiskAssessment a where "
                        + "a.shopperId = :shopper and a.amount.currency = :currency and a.attemptedAt <= :at and "
                        + A_ALLOWED + " order by a.attemptedAt desc", Long.class)
                .setParameter("shopper", attempt.shopperId()).setParameter("currency", attempt.amount().currency())
                .setParameter("at", attempt.at()).setParameter("allow", RiskDecision.ALLOW)
                .setParameter("approved", ReviewStatus.APPROVED).setMaxResults(AMOUNTS_KEPT).getResultList();
    }

    /** The shopper was allowed to pay with this device or address before {@code before}: a burst does not make it known. */
    private static boolean allowedBefore(AssessmentRequest attempt, String field, String value, Instant before) {
        return RiskAssessment.count("shopperId = :shopper and " + field + " = :value and attemptedAt <= :before and " + ALLOWED,
                Parameters.with("shopper", attempt.shopperId()).and("value", value).and("before", before)
                        .and("allow", RiskDecision.ALLOW).and("approved", ReviewStatus.APPROVED)) > 0;
    }
}
