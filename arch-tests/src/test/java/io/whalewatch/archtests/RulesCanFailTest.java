package io.whalewatch.archtests;


import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.whalewatch.adapter.alpha.AlphaThing;
import io.whalewatch.adapter.beta.BetaThing;
import io.whalewatch.application.archfixture.TechnologyUser;
import io.whalewatch.application.port.in.archfixture.BadUseCase;
import io.whalewatch.application.service.archfixture.LeakyService;
import io.whalewatch.bootstrap.archfixture.AdapterToucher;
import io.whalewatch.bootstrap.archfixture.SupportUser;
import io.whalewatch.cyclea.A;
import io.whalewatch.domain.archfixture.ImpureValue;
import io.whalewatch.support.archfixture.ConfigReadingHelper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each architecture rule reports a violation on a class built to break it: no rule passes vacuously. */
class RulesCanFailTest {
    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages(
            "io.whalewatch.domain.archfixture", "io.whalewatch.application.archfixture",
            "io.whalewatch.application.port.in.archfixture", "io.whalewatch.application.service.archfixture",
            "io.whalewatch.adapter.alpha", "io.whalewatch.adapter.beta", "io.whalewatch.bootstrap.archfixture",
            "io.whalewatch.cyclea", "io.whalewatch.cycleb", "io.whalewatch.support.archfixture");

    static Stream<Arguments> rulesAndTheirViolators() {
        return Stream.of(
                Arguments.of("domain purity", ArchitectureRules.DOMAIN_IS_PURE, ImpureValue.class),
                Arguments.of("domain immutability", ArchitectureRules.DOMAIN_IS_IMMUTABLE, ImpureValue.class),
                Arguments.of("no technology in application", ArchitectureRules.APPLICATION_HAS_NO_TECHNOLOGY, TechnologyUser.class),
                Arguments.of("only bootstrap loads plugins", ArchitectureRules.ONLY_BOOTSTRAP_LOADS_PLUGINS, AlphaThing.class),
                Arguments.of("adapters independent", ArchitectureRules.ADAPTERS_ARE_INDEPENDENT, BetaThing.class),
                Arguments.of("bootstrap does not touch adapters", ArchitectureRules.BOOTSTRAP_DOES_NOT_TOUCH_ADAPTERS, AdapterToucher.class),
                Arguments.of("adapters use ports only", ArchitectureRules.ADAPTERS_USE_PORTS_ONLY, AlphaThing.class),
                Arguments.of("no cycles", ArchitectureRules.NO_CYCLES, A.class),
                Arguments.of("use cases are interfaces", ArchitectureRules.USE_CASES_ARE_INTERFACES, BadUseCase.class),
                Arguments.of("services hidden", ArchitectureRules.SERVICES_ARE_HIDDEN, LeakyService.class),
                Arguments.of("providers implement the SPI", ArchitectureRules.PROVIDERS_IMPLEMENT_THE_SPI, AlphaThing.class),
                Arguments.of("support is a library", ArchitectureRules.SUPPORT_IS_A_LIBRARY, ConfigReadingHelper.class),
                Arguments.of("only adapters use support", ArchitectureRules.ONLY_ADAPTERS_USE_SUPPORT, SupportUser.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirViolators")
    void ruleReportsItsViolator(String name, ArchRule rule, Class<?> violator) {
        assertThat(VIOLATIONS.contain(violator)).as("fixture imported").isTrue();
        assertThat(rule.evaluate(VIOLATIONS).hasViolation()).as(name).isTrue();
    }
}
