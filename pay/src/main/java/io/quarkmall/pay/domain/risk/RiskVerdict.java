package io.quarkmall.pay.domain.risk;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of an assessment: the score (0 to 100, the sum of the rules' points, capped), the
 * decision it leads to, and the rules that found something, heaviest first.
 *
 * @param assessmentId the stored assessment; for a REVIEW it is the review's id in the queue
 */
public record RiskVerdict(long assessmentId, int score, RiskDecision decision, List<RuleHit> hits) {

    public static final int MAX_SCORE = 100;

    public RiskVerdict {
        hits = List.copyOf(hits);
    }

    /** Scores the hits against the thresholds; {@code assessmentId} is 0 until the assessment is stored. */
    public static RiskVerdict of(List<RuleHit> hits, RiskLimits limits) {
        int score = Math.min(MAX_SCORE, hits.stream().mapToInt(RuleHit::points).sum());
        RiskDecision decision = score >= limits.declineAt() ? RiskDecision.DECLINE
                : score >= limits.reviewAt() ? RiskDecision.REVIEW : RiskDecision.ALLOW;
        var heaviestFirst = hits.stream().sorted(Comparator.comparingInt(RuleHit::points).reversed()).toList();
        return new RiskVerdict(0, score, decision, heaviestFirst);
    }

    public RiskVerdict storedAs(long id) {
        return new RiskVerdict(id, score, decision, hits);
    }

    /** The hits' sentences in one text, or a sentence saying nothing was found. */
    public String explanation() {
        if (hits.isEmpty()) {
            return "No risk rule found anything (score 0).";
        }
        return "Score " + score + ": " + hits.stream().map(RuleHit::explanation).collect(Collectors.joining(" "));
    }
}
