package io.quarkmall.stack.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The layout every Quarkmall service keeps, checked on its compiled main classes by a plain JUnit
 * test: no Quarkus, no stack. A service's {@code ArchitectureTest} extends this with its base
 * package; the rules themselves are {@link ArchitectureRules}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {

    private final String service;
    private final JavaClasses mainClasses;

    protected ArchitectureContract(String service) {
        this.service = service;
        this.mainClasses = ArchitectureRules.mainClassesOf(service);
    }

    @Test
    void the_domain_is_plain_java() {
        ArchitectureRules.domainIsPlainJava(service).check(mainClasses);
    }

    @Test
    void resources_begin_no_transaction() {
        ArchitectureRules.resourcesBeginNoTransaction(service).check(mainClasses);
    }

    @Test
    void transactions_begin_in_application_services() {
        ArchitectureRules.transactionsBeginInServices(service).check(mainClasses);
    }

    @Test
    void the_service_uses_no_other_services_code() {
        ArchitectureRules.usesNoOtherServicesCode(service).check(mainClasses);
    }

    @Test
    void consumers_go_through_the_inbox() {
        ArchitectureRules.consumersGoThroughTheInbox(service).check(mainClasses);
    }

    @Test
    void every_post_is_idempotent() {
        ArchitectureRules.postsAreIdempotent(service).check(mainClasses);
    }

    @Test
    void bodies_that_text_could_fill_declare_their_media_type() {
        ArchitectureRules.textConvertibleBodiesDeclareTheirMediaType(service).check(mainClasses);
    }

    @Test
    void the_domain_refuses_with_rule_violations() {
        ArchitectureRules.domainRefusesWithRuleViolations(service).check(mainClasses);
    }
}
