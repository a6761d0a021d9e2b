package io.whalewatch.archtests;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checks every rule against the production classes of all modules. */
@AnalyzeClasses(packages = "io.whalewatch", importOptions = {ImportOption.DoNotIncludeTests.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.DOMAIN_IS_PURE;
    @ArchTest
    static final ArchRule applicationHasNoTechnology = ArchitectureRules.APPLICATION_HAS_NO_TECHNOLOGY;
    @ArchTest
    static final ArchRule onlyBootstrapLoadsPlugins = ArchitectureRules.ONLY_BOOTSTRAP_LOADS_PLUGINS;
    @ArchTest
    static final ArchRule adaptersAreIndependent = ArchitectureRules.ADAPTERS_ARE_INDEPENDENT;
    @ArchTest
    static final ArchRule bootstrapDoesNotTouchAdapters = ArchitectureRules.BOOTSTRAP_DOES_NOT_TOUCH_ADAPTERS;
    @ArchTest
    static final ArchRule adaptersUsePortsOnly = ArchitectureRules.ADAPTERS_USE_PORTS_ONLY;

    @ArchTest
    static final ArchRule supportIsALibrary = ArchitectureRules.SUPPORT_IS_A_LIBRARY;

    @ArchTest
    static final ArchRule onlyAdaptersUseSupport = ArchitectureRules.ONLY_ADAPTERS_USE_SUPPORT;
    @ArchTest
    static final ArchRule noCycles = ArchitectureRules.NO_CYCLES;
    @ArchTest
    static final ArchRule useCasesAreInterfaces = ArchitectureRules.USE_CASES_ARE_INTERFACES;
    @ArchTest
    static final ArchRule servicesAreHidden = ArchitectureRules.SERVICES_ARE_HIDDEN;
    @ArchTest
    static final ArchRule providersImplementTheSpi = ArchitectureRules.PROVIDERS_IMPLEMENT_THE_SPI;
    @ArchTest
    static final ArchRule domainIsImmutable = ArchitectureRules.DOMAIN_IS_IMMUTABLE;
}
