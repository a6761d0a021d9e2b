package io.whalewatch.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each module rule reports a descriptor built to break it. */
class ModuleRulesCanFailTest {
    @Test
    void domainRequiringAnythingButJavaBaseFails() {
        ModuleDescriptor d = ModuleDescriptor.newModule("io.whalewatch.domain").requires("java.sql").build();
        assertThat(ModuleRules.domain(d)).singleElement().asString().contains("java.sql");
    }

    @Test
    void applicationExportingItsServicesFails() {
        ModuleDescriptor d = ModuleDescriptor.newModule("io.whalewatch.application")
                .exports("io.whalewatch.application").exports("io.whalewatch.application.service").build();
        assertThat(ModuleRules.application(d)).isNotEmpty();
    }

    @Test
    void adapterExportingRequiringAnotherAdapterAndProvidingANonSpiServiceFails() {
        ModuleDescriptor d = ModuleDescriptor.newModule("io.whalewatch.adapter.bad")
                .requires("io.whalewatch.adapter.other").exports("io.whalewatch.adapter.bad")
                .provides("java.lang.Runnable", List.of("io.whalewatch.adapter.bad.Impl")).build();
        assertThat(ModuleRules.adapter(d)).hasSize(3);
        ModuleDescriptor none = ModuleDescriptor.newModule("io.whalewatch.adapter.empty").build();
        assertThat(ModuleRules.adapter(none)).singleElement().asString().contains("provides no service");
    }

    @Test
    void supportModuleRequiringWhalewatchOrProvidingAServiceFails() {
        ModuleDescriptor d = ModuleDescriptor.newModule("io.whalewatch.support.bad").requires("io.whalewatch.application")
                .provides("io.whalewatch.application.spi.SignalPublisherProvider", java.util.List.of("x.P")).build();
        assertThat(ModuleRules.support(d)).hasSize(2);
        ModuleDescriptor misnamed = ModuleDescriptor.newModule("io.whalewatch.tyrus").build();
        assertThat(ModuleRules.support(misnamed)).singleElement().asString().contains("not named");
        ModuleDescriptor bootstrap = ModuleDescriptor.newModule("io.whalewatch.bootstrap").requires("io.whalewatch.support.tyrus").build();
        assertThat(ModuleRules.bootstrap(bootstrap, java.util.Set.of())).singleElement().asString().contains("support module");
    }

    @Test
    void bootstrapMissingAUsesOrRequiringAnAdapterFails() {
        ModuleDescriptor d = ModuleDescriptor.newModule("io.whalewatch.bootstrap").requires("io.whalewatch.adapter.web")
                .uses("io.whalewatch.application.spi.AProvider").build();
        assertThat(ModuleRules.bootstrap(d, Set.of("io.whalewatch.application.spi.AProvider", "io.whalewatch.application.spi.BProvider")))
                .hasSize(2);
    }

    @Test
    void servicesFileOutOfStepWithProvidesFails() {
        ModuleDescriptor d = ModuleDescriptor.newModule("io.whalewatch.adapter.x")
                .provides("io.whalewatch.application.spi.AProvider", List.of("io.whalewatch.adapter.x.AImpl")).build();
        assertThat(ModuleRules.registration(d, Map.of())).isNotEmpty();
        assertThat(ModuleRules.registration(d, Map.of("io.whalewatch.application.spi.AProvider", Set.of("io.whalewatch.adapter.x.Other"))))
                .isNotEmpty();
        assertThat(ModuleRules.registration(d, Map.of("io.whalewatch.application.spi.AProvider", Set.of("io.whalewatch.adapter.x.AImpl"))))
                .isEmpty();
    }
}
