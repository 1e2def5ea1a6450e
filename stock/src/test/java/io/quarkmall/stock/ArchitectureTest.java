package io.quarkmall.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.quarkmall.stack.testing.ArchitectureContract;
import io.quarkmall.stack.testing.ArchitectureRules;
import io.quarkmall.stock.archfixture.PostsKeepingTheirKeys;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * stock keeps the layout every service keeps (see ArchitectureRules). Its flash-sale buy path is
 * {@code @IdempotentInUseCase}: the key is kept in Redis by the step that takes the unit.
 */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("io.quarkmall.stock");
    }

    @Test
    void a_post_keeping_its_own_key_must_read_the_idempotency_key_header() {
        var fixtures = new ClassFileImporter().importClasses(PostsKeepingTheirKeys.class);
        var failures = ArchitectureRules.postsAreIdempotent("io.quarkmall.stock.archfixture").evaluate(fixtures)
                .getFailureReport().getDetails();
        assertEquals(Set.of("withoutTheHeader", "interceptedWithoutAResponse"), failures.stream()
                .map(detail -> detail.replaceAll("(?s).*PostsKeepingTheirKeys\\.(\\w+)\\(.*", "$1")).collect(Collectors.toSet()),
                String.join("\n", failures));
    }
}
