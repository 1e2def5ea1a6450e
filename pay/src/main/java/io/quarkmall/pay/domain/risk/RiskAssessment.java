package io.quarkmall.pay.domain.risk;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One payment attempt as risk control assessed it: what was known of it, the score, the decision
 * and the rules that found something. Earlier assessments are the history of later ones. A REVIEW
 * is a review in the queue: OPEN until an operator approves or declines it, once.
 */
@Entity
public class RiskAssessment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    private long orderId;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor"))
    private Money amount;
    private String channel;
    private String deviceId;
    private String payerFingerprint;
    private String shippingAddressHash;
    private String shippingRegion;
    private String billingRegion;
    private Instant attemptedAt;
    private int score;
    @Enumerated(EnumType.STRING)
    private RiskDecision decision;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "risk_rule_hit", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "position")
    private List<RuleHit> hits = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    private ReviewStatus reviewStatus;
    private String reviewedBy;
    private String reviewNote;
    private Instant reviewedAt;
    private Instant channelDeclinedAt;

    protected RiskAssessment() {
    }

    /** Records the attempt with its verdict; a REVIEW opens a review. {@code payerFingerprint} is stored as given. */
    public static RiskAssessment record(AssessmentRequest attempt, RiskVerdict verdict) {
        var assessment = new RiskAssessment();
        assessment.shopperId = attempt.shopperId();
        assessment.orderId = attempt.orderId();
        assessment.amount = attempt.amount();
        assessment.channel = attempt.channel();
        assessment.deviceId = attempt.deviceId();
        assessment.payerFingerprint = attempt.payerFingerprint();
        assessment.shippingAddressHash = attempt.shippingAddressHash();
        assessment.shippingRegion = attempt.shippingRegion();
        assessment.billingRegion = attempt.billingRegion();
        assessment.attemptedAt = attempt.at();
        assessment.score = verdict.score();
        assessment.decision = verdict.decision();
        assessment.hits.addAll(verdict.hits());
        assessment.reviewStatus = verdict.decision() == RiskDecision.REVIEW ? ReviewStatus.OPEN : null;
        return assessment;
    }

    /**
     * The review (a REVIEW assessment), its row locked until the transaction ends, so that
     * operators deciding it at once take turns and the first decision is the one.
     */
    public static Optional<RiskAssessment> lockReview(long id) {
        var locked = getEntityManager().createNativeQuery(
                        "SELECT id FROM risk_assessment WHERE id = ?1 AND review_status IS NOT NULL FOR UPDATE")
                .setParameter(1, id).getResultList();
        return locked.isEmpty() ? Optional.empty() : findByIdOptional(id);
    }

    /** A review (a REVIEW assessment), without a lock. */
    public static Optional<RiskAssessment> review(long id) {
        return RiskAssessment.<RiskAssessment>findByIdOptional(id).filter(a -> a.reviewStatus != null);
    }

    /** An operator's decision on an OPEN review; a review is decided once (409 otherwise). */
    public ReviewDecided decide(String operator, boolean approve, String note, Instant now) {
        if (reviewStatus != ReviewStatus.OPEN) {
            throw new RuleViolation("review-already-decided", "Review " + id + " was already "
                    + reviewStatus.name().toLowerCase() + " by " + reviewedBy + " at " + reviewedAt + ".");
        }
        reviewStatus = approve ? ReviewStatus.APPROVED : ReviewStatus.DECLINED;
        reviewedBy = operator;
        reviewNote = note;
        reviewedAt = now;
        return new ReviewDecided(id, orderId, shopperId, approve, operator, note, now);
    }

    /** The channel declined the charge this assessment let through: it counts among the shopper's recent declines. */
    public void channelDeclined(Instant now) {
        if (channelDeclinedAt == null) {
            channelDeclinedAt = now;
        }
    }

    public RiskVerdict verdict() {
        return new RiskVerdict(id, score, decision, hits);
    }

    public Long id() {
        return id;
    }

    public String shopperId() {
        return shopperId;
    }

    public long orderId() {
        return orderId;
    }

    public Money amount() {
        return amount;
    }

    public String channel() {
        return channel;
    }

    public String deviceId() {
        return deviceId;
    }

    public String payerFingerprint() {
        return payerFingerprint;
    }

    public String shippingRegion() {
        return shippingRegion;
    }

    public String billingRegion() {
        return billingRegion;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public int score() {
        return score;
    }

    public RiskDecision decision() {
        return decision;
    }

    public List<RuleHit> hits() {
        return List.copyOf(hits);
    }

    public ReviewStatus reviewStatus() {
        return reviewStatus;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public String reviewNote() {
        return reviewNote;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }
}
