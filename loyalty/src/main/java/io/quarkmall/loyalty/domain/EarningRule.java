package io.quarkmall.loyalty.domain;

import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** An earning rule as the operator set it (see {@link RuleDefinition}); changed without a deploy. */
@Entity
public class EarningRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private EarningTrigger trigger;
    private Integer returnWindowDays;
    @Enumerated(EnumType.STRING)
    private RuleScope scope;
    private String sku;
    private Integer multiplierBasisPoints;
    private Long bonusPerUnit;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "amountMinor", column = @Column(name = "minimum_order_minor")),
        @AttributeOverride(name = "currency", column = @Column(name = "minimum_order_currency"))
    })
    private Money minimumOrder;
    private Instant activeFrom;
    private Instant activeTo;
    private int priority;
    private boolean stop;
    private Instant createdAt;
    private Instant updatedAt;

    protected EarningRule() {
    }

    public static EarningRule define(RuleDefinition definition, Instant now) {
        var rule = new EarningRule();
        rule.createdAt = now;
        rule.revise(definition, now);
        rule.persist();
        return rule;
    }

    /** Replaces every term of the rule; orders already granted keep what they got. */
    public void revise(RuleDefinition definition, Instant now) {
        name = definition.name();
        trigger = definition.trigger();
        returnWindowDays = definition.returnWindowDays();
        scope = definition.scope();
        sku = definition.sku();
        multiplierBasisPoints = definition.multiplierBasisPoints();
        bonusPerUnit = definition.bonusPerUnit();
        minimumOrder = definition.minimumOrder();
        activeFrom = definition.activeFrom();
        activeTo = definition.activeTo();
        priority = definition.priority();
        stop = definition.stop();
        updatedAt = now;
    }

    /** Every rule, highest priority first. */
    public static List<EarningRule> byPriority() {
        return listAll(Sort.descending("priority").and("id"));
    }

    /** The rules that grant on this trigger, as the policy reads them. */
    public static List<EarningRules.Rule> grantingOn(EarningTrigger trigger) {
        return EarningRule.<EarningRule>list("trigger", trigger).stream().map(EarningRule::asRule).toList();
    }

    /** The distinct return windows of the RETURN_WINDOW_CLOSED rules, each with the time its oldest rule was created. */
    public static List<ReturnWindow> returnWindows() {
        return getEntityManager().createQuery("select r.returnWindowDays, min(r.createdAt) from EarningRule r "
                        + "where r.trigger = ?1 group by r.returnWindowDays", Object[].class)
                .setParameter(1, EarningTrigger.RETURN_WINDOW_CLOSED).getResultList().stream()
                .map(row -> new ReturnWindow((Integer) row[0], (Instant) row[1])).toList();
    }

    /** A return window some rule waits for, and since when one has. */
    public record ReturnWindow(int days, Instant since) {}

    public EarningRules.Rule asRule() {
        return new EarningRules.Rule(id, definition());
    }

    public RuleDefinition definition() {
        return new RuleDefinition(name, trigger, returnWindowDays, scope, sku, multiplierBasisPoints, bonusPerUnit,
                minimumOrder, activeFrom, activeTo, priority, stop);
    }

    public Long id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
