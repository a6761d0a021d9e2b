package io.whalewatch.archtests;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JPMS rules ArchUnit cannot see (it ignores module-info): what each kind of module may require,
 * export, provide and use. Each check returns the violations found (empty = fine).
 */
final class ModuleRules {
    static final String SPI_PACKAGE = "io.whalewatch.application.spi";
    static final Set<String> APPLICATION_EXPORTS = Set.of("io.whalewatch.application", "io.whalewatch.application.port.in",
            "io.whalewatch.application.port.out", "io.whalewatch.application.spi");

    private ModuleRules() {
    }

    static List<String> domain(ModuleDescriptor d) {
        List<String> v = new ArrayList<>();
        d.requires().stream().map(ModuleDescriptor.Requires::name).filter(n -> !n.equals("java.base"))
                .forEach(n -> v.add(d.name() + " requires " + n + " (the domain may require java.base only)"));
        return v;
    }

    static List<String> application(ModuleDescriptor d) {
        List<String> v = new ArrayList<>();
        Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        if (!exported.equals(APPLICATION_EXPORTS)) {
            v.add(d.name() + " exports " + exported + ", expected exactly " + APPLICATION_EXPORTS);
        }
        d.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .forEach(e -> v.add(d.name() + " has a qualified export " + e));
        return v;
    }

    static List<String> adapter(ModuleDescriptor d) {
        List<String> v = new ArrayList<>();
        d.exports().stream().filter(e -> !e.isQualified())
                .forEach(e -> v.add(d.name() + " exports " + e.source() + " to everyone (adapters export nothing)"));
        if (d.provides().isEmpty()) {
            v.add(d.name() + " provides no service");
        }
        d.provides().stream().filter(p -> !p.service().startsWith(SPI_PACKAGE + "."))
                .forEach(p -> v.add(d.name() + " provides " + p.service() + ", which is not an " + SPI_PACKAGE + " type"));
        d.requires().stream().map(ModuleDescriptor.Requires::name).filter(n -> n.startsWith("io.whalewatch.adapter"))
                .forEach(n -> v.add(d.name() + " requires another adapter: " + n));
        return v;
    }

    /** A support module is a library for adapters: no whalewatch module required, no service provided. */
    static List<String> support(ModuleDescriptor d) {
        List<String> v = new ArrayList<>();
        if (!d.name().startsWith("io.whalewatch.support.")) {
            v.add(d.name() + " is not named io.whalewatch.support.*");
        }
        d.requires().stream().map(ModuleDescriptor.Requires::name).filter(n -> n.startsWith("io.whalewatch."))
                .forEach(n -> v.add(d.name() + " requires " + n + " (support modules know no whalewatch module)"));
        d.provides().forEach(p -> v.add(d.name() + " provides " + p.service() + " (support modules are not plugins)"));
        return v;
    }

    static List<String> bootstrap(ModuleDescriptor d, Set<String> spiProviders) {
        List<String> v = new ArrayList<>();
        spiProviders.stream().filter(s -> !d.uses().contains(s))
                .forEach(s -> v.add(d.name() + " does not declare 'uses " + s + "'"));
        d.requires().stream().map(ModuleDescriptor.Requires::name).filter(n -> n.startsWith("io.whalewatch.adapter"))
                .forEach(n -> v.add(d.name() + " requires adapter " + n + " (adapters are bound as services)"));
        d.requires().stream().map(ModuleDescriptor.Requires::name).filter(n -> n.startsWith("io.whalewatch.support"))
                .forEach(n -> v.add(d.name() + " requires support module " + n + " (only adapters use them)"));
        return v;
    }

    /** Every {@code provides} must be mirrored by META-INF/services (class-path runs and the shaded jar need it). */
    static List<String> registration(ModuleDescriptor d, java.util.Map<String, Set<String>> servicesFiles) {
        List<String> v = new ArrayList<>();
        for (ModuleDescriptor.Provides p : d.provides()) {
            Set<String> listed = servicesFiles.getOrDefault(p.service(), Set.of());
            if (!listed.equals(Set.copyOf(p.providers()))) {
                v.add(d.name() + ": provides " + p.service() + " with " + p.providers() + " but META-INF/services lists " + listed);
            }
        }
        servicesFiles.keySet().stream().filter(s -> d.provides().stream().noneMatch(p -> p.service().equals(s)))
                .forEach(s -> v.add(d.name() + ": META-INF/services/" + s + " has no matching provides"));
        return v;
    }
}
