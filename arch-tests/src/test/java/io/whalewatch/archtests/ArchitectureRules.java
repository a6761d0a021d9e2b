package io.whalewatch.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ServiceLoader;

/**
 * The architecture as executable rules (see README "Architecture"). Kept in one place so that
 * {@code ArchitectureTest} checks them against the real code and {@code RulesCanFailTest} shows each
 * one fails on a violating class.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** The domain knows nothing but a small part of java.base. */
    static final ArchRule DOMAIN_IS_PURE = classes().that().resideInAPackage("io.whalewatch.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.whalewatch.domain..", "java.lang..",
                    "java.util..", "java.time..", "java.math..", "java.nio.charset..")
            .as("the domain depends only on itself and java.lang/util/time/math");

    /** The application layer holds no technology. */
    static final ArchRule APPLICATION_HAS_NO_TECHNOLOGY = noClasses().that().resideInAPackage("io.whalewatch.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org..", "com..", "jakarta..", "javax..", "io.netty..",
                    "java.sql..", "java.net.http..", "java.util.logging..", "io.whalewatch.adapter..", "io.whalewatch.bootstrap..")
            .as("the application uses no library, JDBC, HTTP client or adapter");

    /** Only the composition root loads plugins. */
    static final ArchRule ONLY_BOOTSTRAP_LOADS_PLUGINS = noClasses().that().resideOutsideOfPackage("io.whalewatch.bootstrap..")
            .should().dependOnClassesThat().belongToAnyOf(ServiceLoader.class)
            .as("only bootstrap uses ServiceLoader");

    /** Adapters are independent of each other. */
    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("io.whalewatch.adapter.(*)..")
            .should().notDependOnEachOther().as("adapters do not depend on each other");

    /** Bootstrap reaches adapters only through the SPI. */
    static final ArchRule BOOTSTRAP_DOES_NOT_TOUCH_ADAPTERS = noClasses().that().resideInAPackage("io.whalewatch.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("io.whalewatch.adapter..")
            .as("bootstrap uses adapters only through ServiceLoader");

    /** A support module is a library shared by adapters: it knows no whalewatch type. */
    static final ArchRule SUPPORT_IS_A_LIBRARY = noClasses().that().resideInAPackage("io.whalewatch.support..")
            .should().dependOnClassesThat().resideInAnyPackage("io.whalewatch.domain..", "io.whalewatch.application..",
                    "io.whalewatch.adapter..", "io.whalewatch.bootstrap..")
            .as("support modules depend on no whalewatch module");

    /** Only adapters use support modules: the inner rings and bootstrap hold no technology of theirs. */
    static final ArchRule ONLY_ADAPTERS_USE_SUPPORT = noClasses().that().resideInAnyPackage("io.whalewatch.domain..",
                    "io.whalewatch.application..", "io.whalewatch.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("io.whalewatch.support..")
            .as("only adapters use support modules");

    /** Adapters see ports, never the services behind them. */
    static final ArchRule ADAPTERS_USE_PORTS_ONLY = noClasses().that().resideInAPackage("io.whalewatch.adapter..")
            .should().dependOnClassesThat().resideInAPackage("io.whalewatch.application.service..")
            .as("adapters do not reach application services");

    /** Nothing depends on the outer rings from the inner ones, and nothing cycles. */
    static final ArchRule NO_CYCLES = slices().matching("io.whalewatch.(*)..").should().beFreeOfCycles();

    /** In-ports are interfaces named after their use case. */
    static final ArchRule USE_CASES_ARE_INTERFACES = classes().that().resideInAPackage("io.whalewatch.application.port.in..")
            .and().haveSimpleNameEndingWith("UseCase").should().beInterfaces();

    /** Services are hidden: package-private, stateless wiring through final fields. */
    static final ArchRule SERVICES_ARE_HIDDEN = classes().that().resideInAPackage("io.whalewatch.application.service..")
            .and().haveSimpleNameEndingWith("Service").should().notBePublic().andShould().haveOnlyFinalFields();

    /** Providers live in adapters, are public and implement an SPI interface. */
    static final ArchRule PROVIDERS_IMPLEMENT_THE_SPI = classes().that().resideInAPackage("io.whalewatch.adapter..")
            .and().haveSimpleNameEndingWith("Provider").and().areNotInterfaces()
            .should().bePublic().andShould().beAssignableTo(implementingSpi())
            .as("adapter providers are public and implement io.whalewatch.application.spi");

    /** Domain values are immutable. */
    static final ArchRule DOMAIN_IS_IMMUTABLE = classes().that().resideInAPackage("io.whalewatch.domain..")
            .and().areNotInterfaces().and().areNotEnums().should().haveOnlyFinalFields();

    private static DescribedPredicate<JavaClass> implementingSpi() {
        return DescribedPredicate.describe("an io.whalewatch.application.spi type",
                c -> c.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().equals("io.whalewatch.application.spi")));
    }
}
