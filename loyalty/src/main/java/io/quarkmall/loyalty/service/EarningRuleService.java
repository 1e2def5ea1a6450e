package io.quarkmall.loyalty.service;

import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.loyalty.domain.EarningRule;
import io.quarkmall.loyalty.domain.RuleDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The operator's earning rules: they take effect on the next order event, without a deploy. */
@ApplicationScoped
public class EarningRuleService {

    private final Clock clock;

    EarningRuleService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public EarningRule define(RuleDefinition definition) {
        return EarningRule.define(definition, clock.instant());
    }

    @Transactional
    public EarningRule revise(long ruleId, RuleDefinition definition) {
        var rule = existing(ruleId);
        rule.revise(definition, clock.instant());
        return rule;
    }

    /** Orders already granted keep their points; later events no longer meet the rule. */
    @Transactional
    public void remove(long ruleId) {
        existing(ruleId).delete();
    }

    private static EarningRule existing(long ruleId) {
        return EarningRule.<EarningRule>findByIdOptional(ruleId)
                .orElseThrow(() -> ProblemException.notFound("Earning rule " + ruleId));
    }
}
