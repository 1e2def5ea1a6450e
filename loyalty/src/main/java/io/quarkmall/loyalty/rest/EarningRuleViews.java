package io.quarkmall.loyalty.rest;

import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.loyalty.domain.EarningRule;
import io.quarkmall.loyalty.domain.EarningTrigger;
import io.quarkmall.loyalty.domain.RuleDefinition;
import io.quarkmall.loyalty.domain.RuleScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the earning-rules API reads and answers. */
public final class EarningRuleViews {

    private EarningRuleViews() {
    }

    public record MinimumOrder(@PositiveOrZero long amountMinor,
                               @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency) {}

    /**
     * A rule's terms. {@code returnWindowDays} is given for RETURN_WINDOW_CLOSED only, {@code sku}
     * for PRODUCT only; a rule sets {@code multiplierBasisPoints} (10000 = the base points, 20000 =
     * double), {@code bonusPerUnit} or both; the period is [activeFrom, activeTo), matched against
     * when the order was paid.
     */
    public record EarningRuleRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull EarningTrigger trigger,
            @Min(1) @Max(365) Integer returnWindowDays,
            @NotNull RuleScope scope,
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "letters, digits, '.', '_' or '-', at most 64") String sku,
            @Min(value = 0, message = "must not be negative") @Max(1_000_000) Integer multiplierBasisPoints,
            @Min(value = 0, message = "must not be negative") @Max(1_000_000) Long bonusPerUnit,
            @Valid MinimumOrder minimumOrder,
            Instant activeFrom,
            Instant activeTo,
            @Min(-1_000) @Max(1_000) int priority,
            boolean stop) {

        /** The domain's terms, once the fields that depend on each other agree (400 otherwise). */
        RuleDefinition definition() {
            List<Problem.Violation> violations = new ArrayList<>();
            if ((trigger == EarningTrigger.RETURN_WINDOW_CLOSED) != (returnWindowDays != null)) {
                violations.add(new Problem.Violation("returnWindowDays", "is required for RETURN_WINDOW_CLOSED and only for it"));
            }
            if ((scope == RuleScope.PRODUCT) != (sku != null)) {
                violations.add(new Problem.Violation("sku", "is required for the PRODUCT scope and only for it"));
            }
            if (multiplierBasisPoints == null && bonusPerUnit == null) {
                violations.add(new Problem.Violation("multiplierBasisPoints", "or bonusPerUnit is required"));
            }
            if (activeFrom != null && activeTo != null && !activeTo.isAfter(activeFrom)) {
                violations.add(new Problem.Violation("activeTo", "must be after activeFrom"));
            }
            Money minimum = minimumOrder == null ? null : money(minimumOrder, violations);
            if (!violations.isEmpty()) {
                throw new ProblemException(Problem.invalid("The request has invalid fields.", violations));
            }
            return new RuleDefinition(name, trigger, returnWindowDays, scope, sku, multiplierBasisPoints, bonusPerUnit,
                    minimum, activeFrom, activeTo, priority, stop);
        }

        private static Money money(MinimumOrder minimum, List<Problem.Violation> violations) {
            try {
                return new Money(minimum.amountMinor(), minimum.currency());
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("currency", e.getMessage()));
                return null;
            }
        }
    }

    public record EarningRuleView(long id, String name, EarningTrigger trigger, Integer returnWindowDays, RuleScope scope,
                                  String sku, Integer multiplierBasisPoints, Long bonusPerUnit, Money minimumOrder,
                                  Instant activeFrom, Instant activeTo, int priority, boolean stop,
                                  Instant createdAt, Instant updatedAt) {
        static EarningRuleView of(EarningRule rule) {
            RuleDefinition terms = rule.definition();
            return new EarningRuleView(rule.id(), terms.name(), terms.trigger(), terms.returnWindowDays(), terms.scope(),
                    terms.sku(), terms.multiplierBasisPoints(), terms.bonusPerUnit(), terms.minimumOrder(),
                    terms.activeFrom(), terms.activeTo(), terms.priority(), terms.stop(), rule.createdAt(), rule.updatedAt());
        }
    }
}
