package io.quarkmall.pay.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the rules' points add up to a score, and the score to a decision (review at 50, decline at 80). Plain Java. */
class RiskVerdictTest {

    static Stream<Arguments> scores() {
        return Stream.of(
                arguments(List.of(), 0, RiskDecision.ALLOW),
                arguments(List.of(49), 49, RiskDecision.ALLOW),
                arguments(List.of(25, 25), 50, RiskDecision.REVIEW),
                arguments(List.of(30, 25, 24), 79, RiskDecision.REVIEW),
                arguments(List.of(25, 25, 30), 80, RiskDecision.DECLINE),
                arguments(List.of(35, 35, 35, 35), 100, RiskDecision.DECLINE));
    }

    @ParameterizedTest(name = "points {0} score {1}: {2}")
    @MethodSource("scores")
    void the_score_is_the_sum_of_the_points_capped_at_100_and_decides(List<Integer> points, int score, RiskDecision decision) {
        var hits = IntStream.range(0, points.size()).mapToObj(i -> new RuleHit("rule-" + i, points.get(i), "Rule " + i + "."))
                .toList();
        var verdict = RiskVerdict.of(hits, RiskRulesTest.LIMITS);
        assertEquals(score, verdict.score());
        assertEquals(decision, verdict.decision());
    }

    @Test
    void hits_are_listed_heaviest_first_and_explain_the_verdict() {
        var verdict = RiskVerdict.of(List.of(new RuleHit("light", 10, "Light."), new RuleHit("heavy", 40, "Heavy.")),
                RiskRulesTest.LIMITS);
        assertEquals(List.of("heavy", "light"), verdict.hits().stream().map(RuleHit::rule).toList());
        assertEquals("Score 50: Heavy. Light.", verdict.explanation());
        assertEquals("No risk rule found anything (score 0).", RiskVerdict.of(List.of(), RiskRulesTest.LIMITS).explanation());
    }
}
