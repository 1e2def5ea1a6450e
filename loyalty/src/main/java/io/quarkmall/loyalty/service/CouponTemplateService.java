package io.quarkmall.loyalty.service;

import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.loyalty.domain.ClaimLimits;
import io.quarkmall.loyalty.domain.ConsoleScope;
import io.quarkmall.loyalty.domain.Coupon;
import io.quarkmall.loyalty.domain.CouponScope;
import io.quarkmall.loyalty.domain.CouponTemplate;
import io.quarkmall.loyalty.domain.CouponTerms;
import io.quarkmall.loyalty.domain.Stacking;
import io.quarkmall.loyalty.domain.Validity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * Coupon templates: operators create, pause, resume and end them; shoppers claim their coupons and
 * operators issue them. Every hand-out locks its template's row, so the total and per-shopper
 * limits hold however many claims race.
 */
@ApplicationScoped
public class CouponTemplateService {

    /** What an operator describes of a new template, each part checked by its own rules. */
    public record TemplateSpec(String name, CouponTerms terms, CouponScope scope, Validity validity, ClaimLimits limits,
                               Stacking stacking) {}

    private final Clock clock;

    CouponTemplateService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public CouponTemplate create(String operatorId, TemplateSpec spec) {
        Instant now = clock.instant();
        if (!spec.validity().claimableAt(now)) {
            throw new ProblemException(Problem.of("coupon-validity-over", "Invalid coupon template", 422,
                    "validTo (" + spec.validity().to() + ") has already passed: no coupon of this template could be used."));
        }
        var template = CouponTemplate.create(operatorId, spec.name(), spec.terms(), spec.scope(), spec.validity(),
                spec.limits(), spec.stacking(), now);
        template.persist();
        return template;
    }

    @Transactional
    public CouponTemplate pause(ConsoleScope scope, long templateId) {
        return change(scope, templateId, CouponTemplate::pause);
    }

    @Transactional
    public CouponTemplate resume(ConsoleScope scope, long templateId) {
        return change(scope, templateId, CouponTemplate::resume);
    }

    @Transactional
    public CouponTemplate end(ConsoleScope scope, long templateId) {
        return change(scope, templateId, CouponTemplate::end);
    }

    /** A shopper claims a coupon of an ACTIVE template. */
    @Transactional
    public Coupon claim(String shopperId, long templateId) {
        var template = CouponTemplate.lockById(templateId).orElseThrow(() -> notFound(templateId));
        return handOut(template, shopperId, Coupon.Source.CLAIMED);
    }

    /** An operator issues a coupon of a template it manages (ACTIVE or PAUSED) to a shopper. */
    @Transactional
    public Coupon issue(ConsoleScope scope, long templateId, String shopperId) {
        var template = scope.lockTemplate(templateId).orElseThrow(() -> notFound(templateId));
        return handOut(template, shopperId, Coupon.Source.ISSUED);
    }

    private Coupon handOut(CouponTemplate template, String shopperId, Coupon.Source source) {
        var coupon = template.handOut(shopperId, Coupon.heldBy(shopperId, template.id()), source, clock.instant());
        coupon.persist();
        return coupon;
    }

    private CouponTemplate change(ConsoleScope scope, long templateId, BiConsumer<CouponTemplate, Instant> step) {
        var template = scope.lockTemplate(templateId).orElseThrow(() -> notFound(templateId));
        step.accept(template, clock.instant());
        return template;
    }

    private static ProblemException notFound(long templateId) {
        return ProblemException.notFound("Coupon template " + templateId);
    }
}
