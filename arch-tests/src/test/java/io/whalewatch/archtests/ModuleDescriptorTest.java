package io.whalewatch.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks the real module descriptors (compiled module-info.class of every module) and their services files. */
class ModuleDescriptorTest {
    private static final Path ROOT = Path.of(System.getProperty("whalewatch.root", ".."));

    @Test
    void domainRequiresOnlyJavaBase() {
        assertThat(ModuleRules.domain(descriptor("domain"))).isEmpty();
    }

    @Test
    void applicationExportsPortsAndSpiOnly() {
        assertThat(ModuleRules.application(descriptor("application"))).isEmpty();
    }

    @Test
    void everyAdapterIsAModuleProvidingAnSpiAndExportingNothing() throws IOException {
        List<Path> adapters = adapterDirs();
        assertThat(adapters).as("adapter modules found").hasSizeGreaterThanOrEqualTo(5);
        for (Path dir : adapters) {
            ModuleDescriptor d = descriptor(ROOT.relativize(dir).toString());
            assertThat(d.name()).startsWith("io.whalewatch.adapter.");
            assertThat(ModuleRules.adapter(d)).isEmpty();
            assertThat(ModuleRules.registration(d, servicesFiles(dir.resolve("target/classes")))).isEmpty();
        }
    }

    @Test
    void supportModulesAreLibrariesThatAdaptersRequire() throws IOException {
        List<Path> support;
        try (Stream<Path> dirs = Files.list(ROOT.resolve("support"))) {
            support = dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).sorted().toList();
        }
        assertThat(support).as("support modules found").isNotEmpty();
        for (Path dir : support) {
            ModuleDescriptor d = descriptor(ROOT.relativize(dir).toString());
            assertThat(ModuleRules.support(d)).isEmpty();
            assertThat(servicesFiles(dir.resolve("target/classes"))).as(d.name() + " registers no service").isEmpty();
        }
    }

    @Test
    void bootstrapUsesEverySpiAndRequiresNoAdapter() throws IOException {
        Set<String> providers;
        try (Stream<Path> files = Files.list(ROOT.resolve("application/target/classes/io/whalewatch/application/spi"))) {
            providers = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Provider.class") && !n.equals("AdapterProvider.class"))
                    .map(n -> ModuleRules.SPI_PACKAGE + "." + n.replace(".class", "")).collect(Collectors.toSet());
        }
        assertThat(providers).hasSizeGreaterThanOrEqualTo(6);
        assertThat(ModuleRules.bootstrap(descriptor("bootstrap"), providers)).isEmpty();
    }

    static ModuleDescriptor descriptor(String module) {
        Path classes = ROOT.resolve(module).resolve("target/classes");
        assertThat(classes.resolve("module-info.class")).as(module + " has a module-info").exists();
        Set<ModuleReference> refs = ModuleFinder.of(classes).findAll();
        assertThat(refs).hasSize(1);
        return refs.iterator().next().descriptor();
    }

    static List<Path> adapterDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("adapters"))) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java")))
                    .filter(d -> !d.getFileName().toString().equals("testkit")).sorted().toList();
        }
    }

    static Map<String, Set<String>> servicesFiles(Path classes) throws IOException {
        Map<String, Set<String>> map = new HashMap<>();
        Path dir = classes.resolve("META-INF/services");
        if (!Files.isDirectory(dir)) {
            return map;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Set<String> lines = new LinkedHashSet<>();
                for (String line : Files.readAllLines(f)) {
                    String clean = line.replaceAll("#.*", "").trim();
                    if (!clean.isEmpty()) {
                        lines.add(clean);
                    }
                }
                map.put(f.getFileName().toString(), lines);
            }
        }
        return map;
    }
}
