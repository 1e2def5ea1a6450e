package io.quarkmall.stock;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import io.quarkmall.stack.testing.ArchitectureRules;
import io.quarkmall.stock.rest.FlashSalePurchaseResource;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * stock keeps the layout every service keeps (see ArchitectureRules), with one named exception:
 * the flash sale's buy path keeps its Idempotency-Key in Redis, in the same Lua step that takes
 * the unit, instead of common's {@code @Idempotent}, which would put PostgreSQL on it.
 * (ArchitectureContract has no way to name an exception, so its rules are applied here one by one.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String SERVICE = "io.quarkmall.stock";
    private final JavaClasses mainClasses = ArchitectureRules.mainClassesOf(SERVICE);

    @Test
    void the_domain_is_plain_java() {
        ArchitectureRules.domainIsPlainJava(SERVICE).check(mainClasses);
    }

    @Test
    void resources_begin_no_transaction() {
        ArchitectureRules.resourcesBeginNoTransaction(SERVICE).check(mainClasses);
    }

    @Test
    void transactions_begin_in_application_services() {
        ArchitectureRules.transactionsBeginInServices(SERVICE).check(mainClasses);
    }

    @Test
    void the_service_uses_no_other_services_code() {
        ArchitectureRules.usesNoOtherServicesCode(SERVICE).check(mainClasses);
    }

    @Test
    void consumers_go_through_the_inbox() {
        ArchitectureRules.consumersGoThroughTheInbox(SERVICE).check(mainClasses);
    }

    @Test
    void every_post_but_the_flash_sale_purchase_is_idempotent() {
        ArchitectureRules.postsAreIdempotent(SERVICE).check(mainClasses.that(not(equivalentTo(FlashSalePurchaseResource.class))));
    }

    @Test
    void the_flash_sale_purchase_takes_an_idempotency_key() {
        methods().that().areDeclaredIn(FlashSalePurchaseResource.class).and().areAnnotatedWith(POST.class)
                .should(ArchConditions.<JavaMethod>be(describe("reading the Idempotency-Key header",
                        method -> method.getParameters().stream().anyMatch(p -> p.isAnnotatedWith(HeaderParam.class)
                                && "Idempotency-Key".equals(p.getAnnotationOfType(HeaderParam.class).value())))))
                .check(mainClasses);
    }

    @Test
    void the_domain_refuses_with_rule_violations() {
        ArchitectureRules.domainRefusesWithRuleViolations(SERVICE).check(mainClasses);
    }
}
