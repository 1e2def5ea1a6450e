package io.quarkmall.stack.testing;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;

/**
 * The rules of Quarkmall's layout that the build enforces, one factory per rule, each taking the
 * service's base package ({@code io.quarkmall.cartorder}). Types are named, not referenced, so
 * this module needs neither the services' frameworks nor {@code common}.
 * {@link ArchitectureContract} applies them all to a service's main classes.
 */
public final class ArchitectureRules {

    static final String COMMON = "io.quarkmall.common";
    static final String TRANSACTIONAL = "jakarta.transaction.Transactional";
    static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";
    static final String POST = "jakarta.ws.rs.POST";
    static final String PUT = "jakarta.ws.rs.PUT";
    static final String PATCH = "jakarta.ws.rs.PATCH";
    static final String CONSUMES = "jakarta.ws.rs.Consumes";
    static final String IDEMPOTENT = COMMON + ".idempotency.Idempotent";
    static final String IDEMPOTENT_IN_USE_CASE = COMMON + ".idempotency.IdempotentInUseCase";
    static final String IDEMPOTENT_BY_CONTENT = COMMON + ".idempotency.IdempotentByContent";
    static final String HEADER_PARAM = "jakarta.ws.rs.HeaderParam";
    static final String INBOX = COMMON + ".inbox.Inbox";
    static final String INBOX_CONSUMER = COMMON + ".inbox.InboxConsumer";
    static final String QUARKUS_TRANSACTION = "io.quarkus.narayana.jta.QuarkusTransaction";

    private ArchitectureRules() {
    }

    /** The service's own classes, without its tests; fails if there are none (a mistyped package checks nothing). */
    public static JavaClasses mainClassesOf(String service) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(service);
        if (imported.isEmpty()) {
            throw new IllegalArgumentException("No main classes found in " + service);
        }
        return imported;
    }

    /**
     * Domain classes are plain Java: no other layer of the service, no HTTP, messaging or CDI types,
     * and no transaction control (the application service that calls them owns the transaction).
     */
    public static ArchRule domainIsPlainJava(String service) {
        return noClasses().that().resideInAPackage(service + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        service + ".rest..", service + ".service..", service + ".messaging..",
                        "jakarta.ws.rs..", "org.jboss.resteasy..",
                        "org.apache.kafka..", "io.smallrye.reactive.messaging..",
                        "org.eclipse.microprofile.reactive.messaging..",
                        "jakarta.inject..", "jakarta.enterprise..", "io.quarkus.arc..",
                        "jakarta.transaction..", "io.quarkus.narayana..")
                .because("an aggregate guards its own state and knows nothing of who calls it or how it is sent");
    }

    /** Resources are thin: they call one service method, which owns the transaction. */
    public static ArchRule resourcesBeginNoTransaction(String service) {
        String rest = service + ".rest..";
        return CompositeArchRule
                .of(noClasses().that().resideInAPackage(rest).should().beAnnotatedWith(TRANSACTIONAL))
                .and(noMethods().that().areDeclaredInClassesThat().resideInAPackage(rest)
                        .should().beAnnotatedWith(TRANSACTIONAL))
                .because("transactions begin in application services, never in a resource");
    }

    /**
     * {@code @Transactional} that opens or joins a transaction stands only in {@code ..service..};
     * {@code NOT_SUPPORTED} (keeping a remote call out of a transaction) may stand anywhere.
     */
    public static ArchRule transactionsBeginInServices(String service) {
        String services = service + ".service..";
        DescribedPredicate<JavaAnnotation<?>> transactional = transactionalOtherThanNotSupported();
        return CompositeArchRule
                .of(classes().that().resideInAPackage(service + "..").and().areAnnotatedWith(transactional)
                        .should().resideInAPackage(services).allowEmptyShould(true))
                .and(methods().that().areDeclaredInClassesThat().resideInAPackage(service + "..")
                        .and().areAnnotatedWith(transactional)
                        .should().beDeclaredInClassesThat().resideInAPackage(services).allowEmptyShould(true))
                .because("transactions begin in one place: the application services (or common's inbox and @Idempotent)");
    }

    /** A service uses its own packages and common's, never another service's. */
    public static ArchRule usesNoOtherServicesCode(String service) {
        return noClasses().that().resideInAPackage(service + "..")
                .should().dependOnClassesThat(resideInAPackage("io.quarkmall..")
                        .and(DescribedPredicate.not(resideInAnyPackage(service + "..", COMMON + "..")))
                        .as("belong to another Quarkmall service"))
                .because("business code is never shared between services; they talk through APIs and events");
    }

    /**
     * Every Kafka consumer method stands in {@code ..messaging..} in a class that goes through the
     * inbox, and no consumer opens a transaction of its own.
     */
    public static ArchRule consumersGoThroughTheInbox(String service) {
        DescribedPredicate<JavaClass> messagingClassUsingTheInbox = resideInAPackage(service + ".messaging..")
                .and(describe("extend InboxConsumer or depend on Inbox", ArchitectureRules::goesThroughTheInbox));
        return CompositeArchRule
                .of(methods().that().areDeclaredInClassesThat().resideInAPackage(service + "..")
                        .and().areAnnotatedWith(INCOMING)
                        .should().beDeclaredInClassesThat(messagingClassUsingTheInbox).allowEmptyShould(true))
                .and(noClasses().that().resideInAPackage(service + ".messaging..")
                        .should().dependOnClassesThat().haveFullyQualifiedName(QUARKUS_TRANSACTION))
                .because("a consumer records the event id in the same transaction as its effect, which the inbox opens");
    }

    /**
     * Every state-changing POST takes an Idempotency-Key: a replay returns the first answer, which
     * common's interceptor stores and replays as a Response (so the method must answer one).
     */
    public static ArchRule postsAreIdempotent(String service) {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(service + "..")
                .and().areAnnotatedWith(POST)
                .should(ArchConditions.be(describe("annotated with @Idempotent and answering a Response (replayed whole),"
                        + " or with @IdempotentInUseCase and reading the Idempotency-Key header,"
                        + " or with @IdempotentByContent (a signed notification that names its own subject)",
                        ArchitectureRules::keepsAnIdempotencyKey))).allowEmptyShould(true)
                .because("a retried POST must not place, pay or cancel twice");
    }

    private static boolean keepsAnIdempotencyKey(JavaMethod method) {
        if (method.isAnnotatedWith(IDEMPOTENT)) {
            return method.getRawReturnType().getName().equals("jakarta.ws.rs.core.Response");
        }
        if (method.isAnnotatedWith(IDEMPOTENT_BY_CONTENT)) {
            return true;
        }
        return method.isAnnotatedWith(IDEMPOTENT_IN_USE_CASE) && method.getParameters().stream()
                .anyMatch(p -> p.isAnnotatedWith(HEADER_PARAM)
                        && "Idempotency-Key".equals(p.getAnnotationOfType(HEADER_PARAM).get("value").orElse(null)));
    }

    /**
     * A request body whose type the framework can also make from plain text (a record of one String,
     * an enum, a number) is read from text/plain unless the endpoint says what it consumes: an
     * operator's note sent as text would be acted on, an empty text body would be a bare 400.
     */
    public static ArchRule textConvertibleBodiesDeclareTheirMediaType(String service) {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(service + "..")
                .and().areAnnotatedWith(POST).or().areAnnotatedWith(PUT).or().areAnnotatedWith(PATCH)
                .should(ArchConditions.be(describe("annotated with @Consumes (or in a class that is) when its body could be "
                        + "read from text", method -> !takesATextConvertibleBody(method)
                        || method.isAnnotatedWith(CONSUMES) || method.getOwner().isAnnotatedWith(CONSUMES))))
                .allowEmptyShould(true)
                .because("a JSON request sent as text/plain must be refused with 415, not read as text");
    }

    private static boolean takesATextConvertibleBody(JavaMethod method) {
        return method.getParameters().stream()
                .filter(parameter -> parameter.getAnnotations().stream().noneMatch(annotation -> {
                    String name = annotation.getRawType().getPackageName();
                    return name.startsWith("jakarta.ws.rs") || name.startsWith("org.jboss.resteasy.reactive");
                }))
                .map(parameter -> parameter.getRawType())
                .anyMatch(ArchitectureRules::convertibleFromText);
    }

    /** What RESTEasy Reactive's text reader converts: an enum, a boxed primitive, a type made from one String. */
    private static boolean convertibleFromText(JavaClass type) {
        if (type.getName().equals(String.class.getName()) || type.getPackageName().startsWith("jakarta.ws.rs")) {
            return false; // a String body is text by intent; context types are injected, not read
        }
        return type.isEnum() || type.isPrimitive() || type.getPackageName().equals("java.lang")
                || type.getConstructors().stream().anyMatch(constructor -> constructor.getRawParameterTypes().size() == 1
                        && constructor.getRawParameterTypes().getFirst().getName().equals(String.class.getName()))
                || type.getMethods().stream().anyMatch(m -> m.getModifiers().contains(JavaModifier.STATIC)
                        && (m.getName().equals("valueOf") || m.getName().equals("fromString"))
                        && m.getRawParameterTypes().size() == 1
                        && m.getRawParameterTypes().getFirst().getName().equals(String.class.getName()));
    }

    /** A refusal in the domain is a RuleViolation (409 with a stable type), not a JDK exception (500). */
    public static ArchRule domainRefusesWithRuleViolations(String service) {
        return noClasses().that().resideInAPackage(service + ".domain..")
                .should().callConstructorWhere(describe(
                        "the constructor belongs to IllegalStateException or IllegalArgumentException",
                        ArchitectureRules::constructsAJdkRefusal))
                .because("the API maps io.quarkmall.common.domain.RuleViolation to 409; other exceptions become 500s");
    }

    private static DescribedPredicate<JavaAnnotation<?>> transactionalOtherThanNotSupported() {
        return describe("@Transactional other than NOT_SUPPORTED", annotation ->
                annotation.getRawType().getName().equals(TRANSACTIONAL) && !txType(annotation).equals("NOT_SUPPORTED"));
    }

    private static String txType(JavaAnnotation<?> transactional) {
        return transactional.get("value")
                .map(value -> value instanceof JavaEnumConstant constant ? constant.name() : value.toString())
                .orElse("REQUIRED");
    }

    private static boolean goesThroughTheInbox(JavaClass owner) {
        return owner.isAssignableTo(INBOX_CONSUMER) || owner.getDirectDependenciesFromSelf().stream()
                .anyMatch(dependency -> dependency.getTargetClass().getName().equals(INBOX));
    }

    private static boolean constructsAJdkRefusal(JavaConstructorCall call) {
        JavaClass owner = call.getTargetOwner();
        return owner.isAssignableTo(IllegalStateException.class) || owner.isAssignableTo(IllegalArgumentException.class);
    }
}
