package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.time.Instant;

/**
 * What an operator says an earning rule does; {@link EarningRules} applies it. The rule grants on
 * its {@code trigger} ({@code returnWindowDays} after completion for RETURN_WINDOW_CLOSED) to the
 * orders paid in its campaign period [activeFrom, activeTo) (open ends when null) whose total is
 * at least {@code minimumOrder}. On the lines its scope covers it sets the earning rate
 * ({@code multiplierBasisPoints}: 10000 = the base points, 20000 = double) and/or adds a fixed
 * {@code bonusPerUnit}. Higher {@code priority} comes first; a {@code stop} rule is the last to
 * apply to the lines it covers.
 */
public record RuleDefinition(String name, EarningTrigger trigger, Integer returnWindowDays, RuleScope scope, String sku,
                             Integer multiplierBasisPoints, Long bonusPerUnit, Money minimumOrder,
                             Instant activeFrom, Instant activeTo, int priority, boolean stop) {

    public RuleDefinition {
        require(name != null && !name.isBlank(), "A rule needs a name.");
        require(trigger != null && scope != null, "A rule needs a trigger and a scope.");
        require((trigger == EarningTrigger.RETURN_WINDOW_CLOSED) == (returnWindowDays != null),
                "returnWindowDays is given for RETURN_WINDOW_CLOSED rules, and only for them.");
        require(returnWindowDays == null || returnWindowDays > 0, "The return window lasts at least one day.");
        require((scope == RuleScope.PRODUCT) == (sku != null && !sku.isBlank()),
                "A PRODUCT rule names its sku; an ALL rule names none.");
        require(multiplierBasisPoints != null || bonusPerUnit != null, "A rule sets a multiplier, a bonus per unit or both.");
        require(multiplierBasisPoints == null || multiplierBasisPoints >= 0, "A multiplier cannot be negative.");
        require(bonusPerUnit == null || bonusPerUnit >= 0, "A bonus per unit cannot be negative.");
        require(activeFrom == null || activeTo == null || activeTo.isAfter(activeFrom),
                "A campaign period ends after it begins.");
    }

    private static void require(boolean holds, String detail) {
        if (!holds) {
            throw new RuleViolation("invalid-earning-rule", detail);
        }
    }

    /** Whether the rule grants on this occasion. */
    boolean grantsOn(EarningOccasion occasion) {
        return trigger == occasion.trigger()
                && (trigger != EarningTrigger.RETURN_WINDOW_CLOSED || returnWindowDays == occasion.returnWindowDays());
    }

    /** Whether an order paid at {@code paidAt} for {@code total} is one the rule is for. */
    boolean appliesTo(Money total, Instant paidAt) {
        boolean inPeriod = (activeFrom == null || !paidAt.isBefore(activeFrom))
                && (activeTo == null || paidAt.isBefore(activeTo));
        boolean largeEnough = minimumOrder == null
                || minimumOrder.currency().equals(total.currency()) && total.amountMinor() >= minimumOrder.amountMinor();
        return inPeriod && largeEnough;
    }

    /** Whether the rule covers a line of this SKU (null: an order that names no lines). */
    boolean covers(String lineSku) {
        return scope == RuleScope.ALL || sku.equals(lineSku);
    }
}
