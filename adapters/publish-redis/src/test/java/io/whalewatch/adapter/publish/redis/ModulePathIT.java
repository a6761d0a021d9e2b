package io.whalewatch.adapter.publish.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.adapter.publish.redis.modulepath.ModulePathMain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module descriptor works for real: the adapter, Lettuce (automatic module), Netty (explicit
 * modules) and Jackson on the module path, found through {@code provides}, against a real Redis.
 * Surefire runs everything else on the class path, so this is the only check of the requires.
 */
class ModulePathIT {
    @TempDir
    Path dir;

    private static boolean modular(String entry) {
        String name = Path.of(entry).getFileName().toString();
        return entry.endsWith("target" + File.separator + "classes")
                || List.of("whalewatch-application", "whalewatch-domain", "lettuce-core", "netty-", "reactor-core",
                        "reactive-streams", "redis-authx-core", "jackson-", "slf4j-api").stream().anyMatch(name::startsWith);
    }

    @Test
    void providersAndLettuceWorkOnTheModulePath() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
        List<String> modulePath = entries.stream().filter(ModulePathIT::modular).toList();
        List<String> classPath = entries.stream().filter(e -> !modular(e)).toList();
        assertThat(modulePath).anyMatch(e -> e.contains("lettuce-core")).anyMatch(e -> e.contains("netty-transport"));
        try (RedisServer redis = RedisServer.start(dir)) {
            Path out = dir.resolve("child.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "--module-path", String.join(File.pathSeparator, modulePath),
                    "--add-modules", "io.whalewatch.adapter.publish.redis", "-cp", String.join(File.pathSeparator, classPath),
                    ModulePathMain.class.getName(), redis.url()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean done = child.waitFor(60, TimeUnit.SECONDS);
            String output = Files.readString(out);
            if (!done) {
                child.destroyForcibly();
            }
            assertThat(done).as("child finished; output:%n%s", output).isTrue();
            assertThat(child.exitValue()).as("child exit; output:%n%s", output).isZero();
            assertThat(output).contains("publisher module: io.whalewatch.adapter.publish.redis", "lettuce module: lettuce.core", "DELIVERED");
        }
    }
}
