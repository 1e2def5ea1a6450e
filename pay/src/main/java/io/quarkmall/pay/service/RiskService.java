package io.quarkmall.pay.service;

import io.quarkmall.common.lock.AdvisoryLocks;
import io.quarkmall.common.lock.AdvisoryLocks.LockSpace;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.pay.config.RiskConfig;
import io.quarkmall.pay.domain.risk.AssessmentHistory;
import io.quarkmall.pay.domain.risk.AssessmentRequest;
import io.quarkmall.pay.domain.risk.ReviewDecided;
import io.quarkmall.pay.domain.risk.ReviewStatus;
import io.quarkmall.pay.domain.risk.RiskAssessment;
import io.quarkmall.pay.domain.risk.RiskDecision;
import io.quarkmall.pay.domain.risk.RiskRules;
import io.quarkmall.pay.domain.risk.RiskVerdict;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Risk control: scores a payment attempt before it is charged (ALLOW, REVIEW or DECLINE, each
 * explained by the rules that found something), and keeps the queue of held payments that
 * operators approve or decline. Every assessment is stored: it is the history later ones are
 * judged by.
 */
@ApplicationScoped
public class RiskService {

    /** One assessment at a time per shopper, so that a burst of attempts counts every one of them. */
    static final LockSpace SHOPPER_RISK = new LockSpace("shopper-risk");
    private static final Logger LOG = Logger.getLogger(RiskService.class);

    private final RiskConfig config;
    private final AdvisoryLocks locks;
    private final Event<ReviewDecided> decisions;
    private final Clock clock;

    RiskService(RiskConfig config, AdvisoryLocks locks, Event<ReviewDecided> decisions, Clock clock) {
        this.config = config;
        this.locks = locks;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Scores the attempt and stores the assessment in the caller's transaction (or its own). ALLOW:
     * charge it; REVIEW: hold it, {@link RiskVerdict#assessmentId()} is the review; DECLINE: refuse it
     * with {@link RiskVerdict#explanation()}.
     */
    @Transactional
    public RiskVerdict assess(AssessmentRequest attempt) {
        locks.lock(SHOPPER_RISK, attempt.shopperId());
        var limits = config.limits();
        var history = AssessmentHistory.before(attempt, limits.windows());
        var verdict = RiskVerdict.of(RiskRules.evaluate(attempt, history, limits), limits);
        var assessment = RiskAssessment.record(attempt, verdict);
        assessment.persist();
        if (verdict.decision() != RiskDecision.ALLOW) {
            LOG.infof("Payment of order %d held or refused by risk control (assessment %d, %s): %s",
                    attempt.orderId(), assessment.id(), verdict.decision(), verdict.explanation());
        }
        return verdict.storedAs(assessment.id());
    }

    /**
     * An operator approves or declines a held payment, once: a second decision is 409
     * ({@code review-already-decided}), an unknown review 404. {@link ReviewDecided} is fired
     * synchronously in this transaction (an observer that throws undoes the decision) and returned.
     */
    @Transactional
    public ReviewDecided decide(long reviewId, String operator, boolean approve, String note) {
        RiskAssessment review = RiskAssessment.lockReview(reviewId)
                .orElseThrow(() -> ProblemException.notFound("Review " + reviewId));
        var decided = review.decide(operator, approve, note, clock.instant());
        decisions.fire(decided);
        return decided;
    }

    /** The channel declined a charge this assessment allowed: it now counts among the shopper's recent declines. */
    @Transactional
    public void channelDeclined(long assessmentId) {
        RiskAssessment.<RiskAssessment>findByIdOptional(assessmentId)
                .ifPresent(assessment -> assessment.channelDeclined(clock.instant()));
    }

    /** Reviews in a status: the open queue oldest first, decided ones most recently decided first. */
    public List<RiskAssessment> reviews(ReviewStatus status, int page, int size) {
        Sort order = status == ReviewStatus.OPEN ? Sort.ascending("id") : Sort.descending("reviewedAt", "id");
        return RiskAssessment.<RiskAssessment>find("reviewStatus", order, status).page(Page.of(page, size)).list();
    }

    public RiskAssessment review(long reviewId) {
        return RiskAssessment.review(reviewId).orElseThrow(() -> ProblemException.notFound("Review " + reviewId));
    }
}
